package cn.huiyisheng.rules.household;

/** Kind of employer; decides who pays the one-child health fee and the retirement reward. */
public enum EmployerType implements Labelled {
    STATE_ORGAN_OR_INSTITUTION("国家机关、事业单位", "state organ or public institution"),
    STATE_OWNED_ENTERPRISE("国有企业", "state-owned enterprise"),
    NON_STATE_ENTERPRISE("非公有制企业", "non-state enterprise"),
    SELF_EMPLOYED("个体工商户、灵活就业", "self-employed"),
    NONE("无工作单位", "no employer");

    private final String zh;
    private final String en;

    EmployerType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
