package cn.huiyisheng.rules.facts;

import cn.huiyisheng.rules.household.Labelled;

/** Who pays a benefit or provides a service. */
public enum Payer implements Labelled {
    EMPLOYER("用人单位", "employer"),
    CITY_FUND("市财政", "city fund"),
    DISTRICT_FUND("区财政", "district fund"),
    NATIONAL_SCHEME("国家扶助制度资金", "national support scheme"),
    HEALTH_SERVICE("医疗卫生机构免费提供", "free public health service");

    private final String zh;
    private final String en;

    Payer(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
