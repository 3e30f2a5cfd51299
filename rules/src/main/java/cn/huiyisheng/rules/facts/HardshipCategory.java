package cn.huiyisheng.rules.facts;

import cn.huiyisheng.rules.household.Labelled;

/** The family's main hardship, by precedence: child died, child disabled, unable to care for oneself, serious illness, 低保. */
public enum HardshipCategory implements Labelled {
    NONE("无", "none"),
    CHILD_DIED("独生子女死亡", "only child died"),
    CHILD_DISABLED("独生子女伤残", "only child disabled"),
    UNABLE_TO_CARE("生活不能自理", "unable to care for oneself"),
    SERIOUS_ILLNESS("患重大疾病", "serious illness"),
    MINIMUM_LIVING_ALLOWANCE("享受低保", "minimum living allowance");

    private final String zh;
    private final String en;

    HardshipCategory(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
