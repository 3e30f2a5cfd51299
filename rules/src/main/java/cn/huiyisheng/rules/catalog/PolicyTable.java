package cn.huiyisheng.rules.catalog;

import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.TableCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One published version of one table. Immutable: a change is a new version. It is in force from
 * {@code validFrom} until the {@code validFrom} of the next version, for decisions made (or
 * replayed "as known") from {@code publishedAt} on, until it is withdrawn.
 *
 * @param version     1, 2, 3… per table in publication order
 * @param publishedAt when it became known to the system (the bitemporal "known at" axis)
 * @param withdrawnAt when it stopped being known as valid, or null
 */
public record PolicyTable(
        TableCode code,
        int version,
        LocalDate validFrom,
        Instant publishedAt,
        Instant withdrawnAt,
        LegalBasis basis,
        String changeNote,
        FigureSource figures,
        List<String> sources,
        List<KnownGap> knownGaps,
        byte[] bytes,
        String sha256) {

    public PolicyTable {
        sources = sources == null ? List.of() : List.copyOf(sources);
        knownGaps = knownGaps == null ? List.of() : List.copyOf(knownGaps);
        if (sha256 == null) {
            sha256 = TableCompiler.sha256(bytes);
        }
    }

    /** A stable identifier, e.g. {@code SPECIAL_SUPPORT-v3}. */
    public String id() {
        return code.name() + "-v" + version;
    }

    public boolean knownAt(Instant instant) {
        return !publishedAt.isAfter(instant) && (withdrawnAt == null || withdrawnAt.isAfter(instant));
    }

    @Override
    public String toString() {
        return id() + "[" + validFrom + ", " + sha256.substring(0, 12) + "]";
    }
}
