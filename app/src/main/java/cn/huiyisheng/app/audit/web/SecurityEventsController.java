package cn.huiyisheng.app.audit.web;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.audit.persistence.SecurityEventRow;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The security trail, for auditors: the latest events, and a check of the chain. */
@RestController
@RequestMapping("/api/security-events")
public class SecurityEventsController {

    private final SecurityTrail trail;

    public SecurityEventsController(SecurityTrail trail) {
        this.trail = trail;
    }

    public record Event(long id, Instant at, String actor, String address, String type, String outcome, String target, String detail,
                        Long seq, String hash) {
        static Event of(SecurityEventRow r) {
            return new Event(r.getId(), r.getAt(), r.getActor(), r.getAddress(), r.getType(), r.getOutcome(), r.getTarget(),
                    r.getDetail(), r.getSeq(), r.getHash());
        }
    }

    @Operation(summary = "The latest security events, newest first / 安全审计记录")
    @GetMapping
    public List<Event> latest(@RequestParam(required = false) String actor, @RequestParam(required = false) String type,
                              @RequestParam(defaultValue = "200") int limit) {
        return trail.latest(actor, type, limit).stream().map(Event::of).toList();
    }

    @Operation(summary = "Check the security trail's chain / 校验安全审计链")
    @GetMapping("/verify")
    public SecurityTrail.ChainReport verify(Authentication auth) {
        return trail.verify();
    }
}
