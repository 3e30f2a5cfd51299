package cn.huiyisheng.rules.household;

import java.time.LocalDate;

/**
 * A benefit or service already received, which blocks a second one-time claim.
 *
 * @param benefit     the benefit's code, e.g. {@code CHILDLESS_RETIREE_SUBSIDY}
 * @param recipientId resident ID of the person who received it; absent means the household
 * @param measureType for the contraception subsidy, the measure it was paid for
 */
public record PriorBenefit(String benefit, LocalDate date, String recipientId, MeasureType measureType) {

    @Override
    public String toString() {
        return "PriorBenefit[" + benefit + ", " + date + ", " + ResidentId.mask(recipientId) + ", " + measureType + "]";
    }
}
