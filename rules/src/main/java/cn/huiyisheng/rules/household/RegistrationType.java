package cn.huiyisheng.rules.household;

/** How a person is registered in the city: 户籍 (urban or rural) or 居住证. */
public enum RegistrationType implements Labelled {
    URBAN_HUKOU("城镇户籍", "urban hukou"),
    RURAL_HUKOU("农村户籍", "rural hukou"),
    RESIDENCE_PERMIT("居住证", "residence permit"),
    NONE("无登记", "not registered");

    private final String zh;
    private final String en;

    RegistrationType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
