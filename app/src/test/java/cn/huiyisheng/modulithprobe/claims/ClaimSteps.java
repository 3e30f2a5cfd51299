package cn.huiyisheng.modulithprobe.claims;

import cn.huiyisheng.modulithprobe.grants.persistence.GrantRow;

/** Reaches into another module's persistence, as the claims module once did. */
public class ClaimSteps {
    public GrantRow grant(String personKey) {
        GrantRow row = new GrantRow();
        row.personKey = personKey;
        return row;
    }
}
