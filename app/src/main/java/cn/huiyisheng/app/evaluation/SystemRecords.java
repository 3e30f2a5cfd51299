package cn.huiyisheng.app.evaluation;

import java.util.List;

/**
 * What the system's own records said when a claim was determined, as far as the determination
 * used it: the grants other claims hold for the same persons. Sealed with the determination, so a
 * replay decides on the same records.
 */
public record SystemRecords(List<HeldGrants.Held> held) {

    public static final SystemRecords NONE = new SystemRecords(List.of());

    public SystemRecords {
        held = held == null ? List.of() : List.copyOf(held);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() {
        return held.isEmpty();
    }
}
