package cn.huiyisheng.rules.household;

/**
 * A family-planning family's hardship (计生困难家庭).
 *
 * @param minimumLivingAllowance the family receives 低保
 * @param seriousIllness         a member has a serious illness
 * @param unableToCareForSelf    a parent cannot care for themselves
 */
public record Hardship(Boolean minimumLivingAllowance, Boolean seriousIllness, Boolean unableToCareForSelf) {
}
