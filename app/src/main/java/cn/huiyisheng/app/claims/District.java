package cn.huiyisheng.app.claims;

/**
 * Shenzhen's districts, as households give their registration ({@code registration.district}, the
 * Chinese name). The lists filter by that name; the pages show it in their language
 * ({@code district.<CODE>} in the message bundles).
 */
public enum District {
    FUTIAN("福田区"), LUOHU("罗湖区"), NANSHAN("南山区"), YANTIAN("盐田区"), BAOAN("宝安区"), LONGGANG("龙岗区"), LONGHUA("龙华区"),
    PINGSHAN("坪山区"), GUANGMING("光明区"), DAPENG("大鹏新区");

    private final String zh;

    District(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
