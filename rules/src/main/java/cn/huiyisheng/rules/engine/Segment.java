package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.Payer;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A run of consecutive months (or years) with the same outcome under the same version and row.
 *
 * @param amount per month or per year; null when refused or for a service
 * @param units  how many months (or years) the segment spans
 * @param total  amount × units
 */
public record Segment(
        YearMonth from,
        YearMonth to,
        int units,
        boolean eligible,
        BigDecimal amount,
        BigDecimal total,
        Payer payer,
        VersionRef version,
        List<RowRef> rows,
        List<Reason> reasons) {

    public Segment {
        rows = List.copyOf(rows);
        reasons = List.copyOf(reasons);
    }
}
