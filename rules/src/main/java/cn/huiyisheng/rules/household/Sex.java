package cn.huiyisheng.rules.household;

public enum Sex implements Labelled {
    MALE("男", "male"),
    FEMALE("女", "female");

    private final String zh;
    private final String en;

    Sex(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
