package cn.huiyisheng.rules.facts;

import cn.huiyisheng.rules.household.Labelled;

/** State of the one-child certificate on the date assessed. */
public enum CertificateStatus implements Labelled {
    NONE("未领证", "no certificate"),
    VALID("有效", "valid"),
    REVOKED("已注销", "revoked");

    private final String zh;
    private final String en;

    CertificateStatus(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    @Override public String zh() { return zh; }
    @Override public String en() { return en; }
}
