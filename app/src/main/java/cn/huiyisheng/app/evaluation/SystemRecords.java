package cn.huiyisheng.app.evaluation;

import cn.huiyisheng.rules.risk.OtherClaim;

import java.util.List;

/**
 * What the system's own records said when a claim was determined, as far as the determination
 * used it: the grants other claims hold for the same persons, and the other claims that share a
 * person or the bank account (the risk signals' facts). Sealed with the determination, so a
 * replay decides on the same records.
 */
public record SystemRecords(List<HeldGrants.Held> held, List<OtherClaim> others) {

    public static final SystemRecords NONE = new SystemRecords(List.of(), List.of());

    public SystemRecords {
        held = held == null ? List.of() : List.copyOf(held);
        others = others == null ? List.of() : List.copyOf(others);
    }
}
