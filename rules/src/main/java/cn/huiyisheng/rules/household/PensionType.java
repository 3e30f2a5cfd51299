package cn.huiyisheng.rules.household;

/** Pension scheme a retiree draws from. */
public enum PensionType implements Labelled {
    ENTERPRISE("企业职工养老保险", "enterprise employees' pension"),
    CIVIL_SERVICE("机关事业单位养老保险", "civil service pension"),
    RESIDENT("城乡居民养老保险", "residents' pension"),
    NONE("无养老金", "no pension");

    private final String zh;
    private final String en;

    PensionType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
