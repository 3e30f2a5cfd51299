package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.Periodicity;

import java.math.BigDecimal;
import java.util.List;

/**
 * One benefit's outcome for the household.
 *
 * @param amount the sum over eligible items, per period (null for a service)
 * @param items  one per subject; empty when there was nothing to assess (see reasons)
 */
public record BenefitDetermination(
        String benefit,
        String zh,
        String en,
        Periodicity periodicity,
        boolean eligible,
        BigDecimal amount,
        List<ItemDetermination> items,
        List<Reason> reasons) {

    public BenefitDetermination {
        items = List.copyOf(items);
        reasons = List.copyOf(reasons);
    }
}
