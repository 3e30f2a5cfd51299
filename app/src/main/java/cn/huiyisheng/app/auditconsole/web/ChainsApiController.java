package cn.huiyisheng.app.auditconsole.web;

import cn.huiyisheng.app.auditconsole.ChainChecks;
import cn.huiyisheng.app.auditconsole.Checkpoints;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Both chains verified in full, with progress; signed checkpoints written and listed (issue 12 §4). AUDITOR only. */
@RestController
@RequestMapping("/api/audit")
public class ChainsApiController {

    private final ChainChecks chains;
    private final Checkpoints checkpoints;

    public ChainsApiController(ChainChecks chains, Checkpoints checkpoints) {
        this.chains = chains;
        this.checkpoints = checkpoints;
    }

    @Operation(summary = "Verify both chains / 校验两条链", description = "Starts a full verification in the background (or gives the one"
            + " running): 202 with its progress; GET it until it is done.")
    @PostMapping("/chains/verify")
    public ResponseEntity<ChainChecks.Run> verify(Authentication auth) {
        return ResponseEntity.accepted().body(chains.start(auth.getName()));
    }

    @Operation(summary = "The latest verification on this node / 最近一次校验")
    @GetMapping("/chains/verify")
    public ResponseEntity<ChainChecks.Run> last() {
        ChainChecks.Run run = chains.last();
        return run == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(run);
    }

    public record Listed(String publicKey, String directory, List<Checkpoints.Checkpoint> checkpoints) {
    }

    @Operation(summary = "Signed checkpoints / 已签署的检查点", description = "The checkpoints in the configured directory, oldest first,"
            + " with the public key that verifies them (SM2 over SM3).")
    @GetMapping("/checkpoints")
    public Listed checkpoints() {
        return new Listed(checkpoints.publicKey(), checkpoints.directory().toAbsolutePath().toString(), checkpoints.list());
    }

    @Operation(summary = "Sign a checkpoint now / 立即签署检查点")
    @PostMapping("/checkpoints")
    public ResponseEntity<Checkpoints.Checkpoint> sign() {
        return ResponseEntity.status(201).body(checkpoints.write());
    }
}
