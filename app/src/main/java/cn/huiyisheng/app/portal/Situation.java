package cn.huiyisheng.app.portal;

import cn.huiyisheng.rules.facts.TableCode;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life situations the calculator starts from (people know what happened to them, not the names
 * of benefits): each leads to the benefits it may bring and to the questions those need.
 */
public enum Situation {
    /** 我的独生子女去世或伤残了 */
    CHILD_LOST(EnumSet.of(TableCode.SPECIAL_SUPPORT, TableCode.HARDSHIP_FAMILY_SUPPORT),
            EnumSet.of(Step.SPOUSE, Step.CHILDREN, Step.CHILD_DATES, Step.CHILD_STATUS)),
    /** 我有独生子女 */
    ONE_CHILD(EnumSet.of(TableCode.ONE_CHILD_HEALTH_FEE),
            EnumSet.of(Step.SPOUSE, Step.CHILDREN, Step.CHILD_DATES, Step.CERTIFICATE, Step.WORK)),
    /** 我或配偶退休了 */
    RETIRED(EnumSet.of(TableCode.RETIREMENT_ONE_CHILD_REWARD, TableCode.CHILDLESS_RETIREE_SUBSIDY),
            EnumSet.of(Step.SPOUSE, Step.CHILDREN, Step.CHILD_DATES, Step.CERTIFICATE, Step.WORK)),
    /** 我满60岁了 */
    AGED(EnumSet.of(TableCode.REWARD_SUPPORT, TableCode.RETIRED_PARENT_ALLOWANCE, TableCode.ELDER_HEALTH_CHECK),
            EnumSet.of(Step.SPOUSE, Step.CHILDREN, Step.CHILD_DATES)),
    /** 我做了节育手术 */
    MEASURE(EnumSet.of(TableCode.LONG_ACTING_CONTRACEPTION_SUBSIDY, TableCode.REMEDIAL_MEASURE_SUBSIDY), EnumSet.of(Step.MEASURE)),
    /** 家庭有困难 */
    HARDSHIP(EnumSet.of(TableCode.HARDSHIP_FAMILY_SUPPORT),
            EnumSet.of(Step.SPOUSE, Step.CHILDREN, Step.CHILD_DATES, Step.CHILD_STATUS, Step.HARDSHIP)),
    /** 我是来深建设者（持居住证） */
    MIGRANT(EnumSet.of(TableCode.MIGRANT_REPRODUCTIVE_HEALTH), EnumSet.noneOf(Step.class));

    private final Set<TableCode> benefits;
    private final Set<Step> steps;

    Situation(Set<TableCode> benefits, Set<Step> steps) {
        this.benefits = benefits;
        this.steps = steps;
    }

    public Set<TableCode> benefits() {
        return benefits;
    }

    /** The questions this situation needs beyond those every check asks (who you are, where registered). */
    public Set<Step> steps() {
        return steps;
    }
}
