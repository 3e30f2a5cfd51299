package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.catalog.PolicyTable;

import java.time.LocalDate;

/** The table version a decision used: enough to find it again and to prove it is the same bytes. */
public record VersionRef(String id, String table, int version, LocalDate validFrom, String sha256) {

    public static VersionRef of(PolicyTable t) {
        return new VersionRef(t.id(), t.code().name(), t.version(), t.validFrom(), t.sha256());
    }
}
