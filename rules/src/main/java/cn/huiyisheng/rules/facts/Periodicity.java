package cn.huiyisheng.rules.facts;

import cn.huiyisheng.rules.household.Labelled;

/** How often a benefit is due. */
public enum Periodicity implements Labelled {
    MONTHLY("按月", "monthly"),
    YEARLY("按年", "yearly"),
    ONE_TIME("一次性", "one-time"),
    SERVICE("免费服务", "free service"),
    PARAMETER("参数", "parameter");

    private final String zh;
    private final String en;

    Periodicity(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
