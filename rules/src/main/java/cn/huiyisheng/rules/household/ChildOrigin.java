package cn.huiyisheng.rules.household;

/** Whether a child was born to or adopted by the couple. */
public enum ChildOrigin implements Labelled {
    BORN("亲生", "born"),
    ADOPTED("收养", "adopted");

    private final String zh;
    private final String en;

    ChildOrigin(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
