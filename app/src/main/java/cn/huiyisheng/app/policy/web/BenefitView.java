package cn.huiyisheng.app.policy.web;

import cn.huiyisheng.rules.catalog.KnownGap;
import cn.huiyisheng.rules.catalog.LegalBasis;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A benefit (or parameter table) of the catalogue and its versions. */
public record BenefitView(String code, String zh, String en, String periodicity, Integer versionInForceToday,
                          List<VersionView> versions) {

    /**
     * @param validUntil the last day of its period as known now, or null while no later version starts
     */
    public record VersionView(String id, int version, String status, LocalDate validFrom, LocalDate validUntil,
                              Instant publishedAt, Instant withdrawnAt, String author, String approver,
                              LegalBasis basis, String changeNote, String figures, List<String> sources,
                              List<KnownGap> knownGaps, String sha256, String spreadsheet, String drl) {
    }
}
