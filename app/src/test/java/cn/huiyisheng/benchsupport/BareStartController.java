package cn.huiyisheng.benchsupport;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.UUID;

/**
 * Bench only, outside the scanned packages (ClaimLoadBench registers it): starts the bare process over HTTP, behind the same
 * authentication and web stack as a claim submission, so that the two are compared like for like.
 */
@RestController
public class BareStartController {

    private final RuntimeService runtime;

    public BareStartController(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @PostMapping("/api/claims/bare/start")
    public ResponseEntity<Map<String, String>> start() {
        // as a claim's process starts: a business key, no variables
        String id = runtime.startProcessInstanceByKey("benefit-claim-bare", "BARE-" + UUID.randomUUID()).getId();
        return ResponseEntity.status(201).body(Map.of("processInstanceId", id));
    }
}
