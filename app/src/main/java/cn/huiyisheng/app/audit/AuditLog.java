package cn.huiyisheng.app.audit;

import cn.huiyisheng.app.audit.persistence.AuditEventMapper;
import cn.huiyisheng.app.audit.persistence.AuditEventWriter;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * The log of what happened to claims and payment runs, written in the transaction of the change it
 * records. Details never hold an ID number or a bank account. A claim's submission is recorded by
 * its own row (applicant, instant, benefits, period), which a claim's timeline shows first.
 */
@Service
public class AuditLog {

    /** The actor of steps the system takes by itself. */
    public static final String SYSTEM = "system";

    private final AuditEventMapper mapper;
    private final AuditEventWriter writer;
    private final Clock clock;

    public AuditLog(AuditEventMapper mapper, AuditEventWriter writer, Clock clock) {
        this.mapper = mapper;
        this.writer = writer;
        this.clock = clock;
    }

    public void claim(long claimId, String actor, String type, String detail) {
        write(claimId, null, actor, type, detail);
    }

    /**
     * An event with the values it is about ({@code params}, in an order each type defines), from
     * which a page says it in its own language; {@code detail} stays the English record.
     */
    public void claim(long claimId, String actor, String type, String detail, List<String> params) {
        writer.insert(clock.instant(), actor, claimId, null, type, shortened(detail), json(params));
    }

    private static String json(List<String> params) {
        try {
            return PARAMS.writeValueAsString(params);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The params of an event, as written; empty for events that have none (or an unreadable value). */
    public static List<String> params(AuditEventRow row) {
        if (row.getParams() == null) {
            return List.of();
        }
        try {
            return List.of(PARAMS.readValue(row.getParams(), String[].class));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return List.of();
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper PARAMS = new com.fasterxml.jackson.databind.ObjectMapper();

    /** An event of the claim with this reference. */
    public void claim(String reference, String actor, String type, String detail) {
        if (writer.insertForClaimReference(reference, clock.instant(), actor, type, shortened(detail)) != 1) {
            throw new IllegalStateException("no claim " + reference + " to record " + type + " for");
        }
    }

    public void run(long runId, String actor, String type, String detail) {
        write(null, runId, actor, type, detail);
    }

    public List<AuditEventRow> ofClaim(long claimId) {
        return mapper.findByClaim(claimId);
    }

    private void write(Long claimId, Long runId, String actor, String type, String detail) {
        writer.insert(clock.instant(), actor, claimId, runId, type, shortened(detail), null);
    }

    /** A detail as stored: at most 1,000 characters. */
    private static String shortened(String detail) {
        return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 997) + "...";
    }
}
