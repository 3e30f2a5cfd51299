package cn.huiyisheng.rules.household;

/** Marital status. */
public enum MaritalStatus implements Labelled {
    SINGLE("未婚", "single"),
    MARRIED("已婚", "married"),
    DIVORCED("离婚", "divorced"),
    WIDOWED("丧偶", "widowed");

    private final String zh;
    private final String en;

    MaritalStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
