package cn.huiyisheng.rules.catalog;

/**
 * A region the table's rows deliberately leave uncovered, with the reason, so verification does
 * not report it as a mistake.
 *
 * @param gap the region exactly as the verifier prints it, e.g. {@code onlyChildStatus=DISABLED; disabilityGrade>=4}
 * @param why why nobody in that region is entitled
 */
public record KnownGap(String gap, String why) {
}
