package cn.huiyisheng.rules.household;

/** Long-acting contraception and remedial measures (长效避孕节育措施、补救措施). */
public enum MeasureType implements Labelled {
    IUD("放置宫内节育器", "intrauterine device"),
    IMPLANT("皮下埋植", "contraceptive implant"),
    TUBAL_LIGATION("输卵管结扎", "tubal ligation"),
    VASECTOMY("输精管结扎", "vasectomy"),
    REMEDIAL("补救措施", "remedial measure");

    private final String zh;
    private final String en;

    MeasureType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
