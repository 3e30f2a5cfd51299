package cn.huiyisheng.rules.facts;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every decision table the engine knows: the twelve benefits of the 惠一生 system and the parameter
 * tables they use. The folder is where its versions live under {@code policy-tables/}.
 */
public enum TableCode {
    ONE_CHILD_HEALTH_FEE("one-child-health-fee", "独生子女保健费", "One-child health fee", Periodicity.MONTHLY),
    REWARD_SUPPORT("reward-support", "计划生育家庭奖励扶助", "Reward support for family-planning families", Periodicity.YEARLY),
    SPECIAL_SUPPORT("special-support", "计划生育家庭特别扶助", "Special support for families whose only child died or is disabled", Periodicity.MONTHLY),
    RETIRED_PARENT_ALLOWANCE("retired-parent-allowance", "独生子女父母年老补助", "Allowance for older parents of an only child", Periodicity.MONTHLY),
    RETIREMENT_ONE_CHILD_REWARD("retirement-one-child-reward", "独生子女父母退休一次性奖励", "One-time retirement reward for one-child parents", Periodicity.ONE_TIME),
    CHILDLESS_RETIREE_SUBSIDY("childless-retiree-subsidy", "无子女退休职工计划生育补助", "Subsidy for childless retired workers", Periodicity.ONE_TIME),
    LONG_ACTING_CONTRACEPTION_SUBSIDY("long-acting-contraception-subsidy", "长效避孕节育措施一次性补助", "One-time subsidy for long-acting contraception", Periodicity.ONE_TIME),
    REMEDIAL_MEASURE_SUBSIDY("remedial-measure-subsidy", "政策外怀孕补救措施一次性补助", "One-time subsidy for a remedial measure", Periodicity.ONE_TIME),
    HARDSHIP_FAMILY_SUPPORT("hardship-family-support", "计划生育困难家庭帮扶", "Support for family-planning families in hardship", Periodicity.YEARLY),
    ELDER_HEALTH_CHECK("elder-health-check", "老年人免费健康体检", "Free yearly health check for people aged 65 and over", Periodicity.SERVICE),
    BIRTH_DEFECT_SCREENING("birth-defect-screening", "重点家庭免费出生缺陷筛查", "Free birth-defect screening for key families", Periodicity.SERVICE),
    MIGRANT_REPRODUCTIVE_HEALTH("migrant-reproductive-health", "流动人口免费基本生殖健康服务", "Free basic reproductive health services for migrants", Periodicity.SERVICE),
    CITY_AVERAGE_WAGE("city-average-wage", "深圳市职工年平均工资", "City average annual wage (parameter)", Periodicity.PARAMETER);

    private final String folder;
    private final String zh;
    private final String en;
    private final Periodicity periodicity;

    TableCode(String folder, String zh, String en, Periodicity periodicity) {
        this.folder = folder;
        this.zh = zh;
        this.en = en;
        this.periodicity = periodicity;
    }

    public String folder() { return folder; }
    public String zh() { return zh; }
    public String en() { return en; }
    public Periodicity periodicity() { return periodicity; }

    public boolean isBenefit() {
        return periodicity != Periodicity.PARAMETER;
    }

    /** A service is free: eligible or not, with no amount. */
    public boolean isService() {
        return periodicity == Periodicity.SERVICE;
    }

    public static Optional<TableCode> parse(String code) {
        return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
    }

    public static Optional<TableCode> fromFolder(String folder) {
        return Arrays.stream(values()).filter(c -> c.folder.equals(folder)).findFirst();
    }
}
