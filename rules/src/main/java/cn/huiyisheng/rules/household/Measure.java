package cn.huiyisheng.rules.household;

import java.time.LocalDate;

/**
 * A long-acting contraception or remedial measure.
 *
 * @param certifiedProvider done at a provider certified for family-planning technical services
 */
public record Measure(MeasureType type, LocalDate date, Boolean certifiedProvider, String providerName) {

    public boolean isCertifiedProvider() {
        return Boolean.TRUE.equals(certifiedProvider);
    }
}
