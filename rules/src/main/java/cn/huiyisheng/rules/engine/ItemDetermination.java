package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.Payer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The outcome for one subject of one benefit: a parent, a measure, or the household.
 *
 * @param subject    who or what was assessed, e.g. {@code applicant} (never personal data)
 * @param path       where that is in the household, e.g. {@code $.spouse.measures[0]}
 * @param assessedOn the date the facts were taken on (the event date for one-time benefits)
 * @param amount     yuan per period (per month, per year, or once); null for services and refusals
 * @param version    the table version that decided, or null when none was in force
 * @param rows       the rows that matched (one, unless the table overlaps)
 * @param reasons    the conditions of the deciding row, or for a refusal those that failed
 */
public record ItemDetermination(
        String subject,
        String path,
        LocalDate assessedOn,
        boolean eligible,
        BigDecimal amount,
        Payer payer,
        VersionRef version,
        List<RowRef> rows,
        List<Reason> reasons,
        List<String> warnings) {

    public ItemDetermination {
        rows = List.copyOf(rows);
        reasons = List.copyOf(reasons);
        warnings = List.copyOf(warnings);
    }
}
