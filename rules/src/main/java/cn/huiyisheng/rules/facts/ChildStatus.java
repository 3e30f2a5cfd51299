package cn.huiyisheng.rules.facts;

import cn.huiyisheng.rules.household.Labelled;

/** The only child's situation on the date assessed; DISABLED means a disability of any grade. */
public enum ChildStatus implements Labelled {
    NOT_APPLICABLE("不适用", "not applicable"),
    ALIVE("健在", "alive"),
    DISABLED("伤残", "disabled"),
    DIED("死亡", "died");

    private final String zh;
    private final String en;

    ChildStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
