package cn.huiyisheng.processes.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When the chains are verified and signed: a cron (seconds first), every night at 02:00 by default. */
@Component("auditSchedule")
public class AuditSchedule {

    private final String nightly;

    public AuditSchedule(@Value("${huiyisheng.audit.nightly:0 0 2 * * ?}") String nightly) {
        this.nightly = nightly;
    }

    public String getNightly() {
        return nightly;
    }
}
