package cn.huiyisheng.rules.facts;

import cn.huiyisheng.rules.household.Labelled;

/** The couple's children, counted over all children ever born or adopted. */
public enum FamilyType implements Labelled {
    NO_CHILD("无子女", "no child"),
    ONE_CHILD("独生子女", "one child"),
    TWO_DAUGHTERS("两个女儿", "two daughters"),
    OTHER("其他", "other");

    private final String zh;
    private final String en;

    FamilyType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
