package cn.huiyisheng.rules.catalog;

import cn.huiyisheng.rules.facts.TableCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which version of a table is in force on a date, as known at an instant. Two time axes: the
 * valid date (when the rule applies) and the known instant (when the system learned of it). A
 * retroactive correction is a version for an old date published later: "as known then" still
 * returns the version used at the time, "as known now" the correction.
 */
public final class Catalog {

    private static final Comparator<PolicyTable> PRECEDENCE =
            Comparator.comparing(PolicyTable::validFrom).thenComparing(PolicyTable::publishedAt);

    /** Replaced whole on every change, so that readers (every evaluation) never lock and never see half a change. */
    private volatile Map<TableCode, List<PolicyTable>> versions = new EnumMap<>(TableCode.class);

    public Catalog(List<PolicyTable> published) {
        for (PolicyTable table : published) {
            add(table);
        }
    }

    /** Adds a published version; a second version with the same number is refused. */
    public synchronized void add(PolicyTable table) {
        List<PolicyTable> list = versions.getOrDefault(table.code(), List.of());
        if (list.stream().anyMatch(v -> v.version() == table.version())) {
            throw new IllegalArgumentException(table.id() + " is already in the catalogue");
        }
        List<PolicyTable> copy = new ArrayList<>(list);
        copy.add(table);
        put(table.code(), copy);
    }

    /**
     * Records that a published version was withdrawn at an instant: from then on it is no longer
     * known as valid, while "as known" before that instant it still is. The only change a
     * published version ever sees; its rules and bytes stay as they were.
     */
    public synchronized void withdraw(TableCode code, int version, Instant at) {
        List<PolicyTable> copy = new ArrayList<>();
        boolean found = false;
        for (PolicyTable v : versions.getOrDefault(code, List.of())) {
            if (v.version() == version) {
                found = true;
                v = new PolicyTable(v.code(), v.version(), v.validFrom(), v.publishedAt(), at, v.basis(), v.changeNote(), v.figures(),
                        v.sources(), v.knownGaps(), v.bytes(), v.sha256());
            }
            copy.add(v);
        }
        if (!found) {
            throw new IllegalArgumentException(code + "-v" + version + " is not in the catalogue");
        }
        put(code, copy);
    }

    private void put(TableCode code, List<PolicyTable> list) {
        list.sort(Comparator.comparingInt(PolicyTable::version));
        Map<TableCode, List<PolicyTable>> next = new EnumMap<>(TableCode.class);
        next.putAll(versions);
        next.put(code, List.copyOf(list));
        versions = next;
    }

    /** The version in force on {@code validOn} among those known at {@code knownAt}. */
    public Optional<PolicyTable> inForce(TableCode code, LocalDate validOn, Instant knownAt) {
        PolicyTable best = null;
        for (PolicyTable v : versions.getOrDefault(code, List.of())) {
            if (v.knownAt(knownAt) && !v.validFrom().isAfter(validOn)
                    && (best == null || PRECEDENCE.compare(v, best) > 0)) {
                best = v;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The first {@code validFrom} after {@code after} of a version of the table known at {@code knownAt}
     * (null if none): until then, the version in force on {@code after} stays in force.
     */
    public LocalDate nextValidFrom(TableCode code, LocalDate after, Instant knownAt) {
        LocalDate next = null;
        for (PolicyTable v : versions.getOrDefault(code, List.of())) {
            if (v.validFrom().isAfter(after) && v.knownAt(knownAt) && (next == null || v.validFrom().isBefore(next))) {
                next = v.validFrom();
            }
        }
        return next;
    }

    /** The first day after {@code version}'s period as known at {@code knownAt}, if a later version starts. */
    public Optional<LocalDate> validUntilExclusive(PolicyTable version, Instant knownAt) {
        return versions.getOrDefault(version.code(), List.of()).stream()
                .filter(v -> v.knownAt(knownAt) && v.validFrom().isAfter(version.validFrom()))
                .map(PolicyTable::validFrom)
                .min(Comparator.naturalOrder());
    }

    public List<PolicyTable> versions(TableCode code) {
        return versions.getOrDefault(code, List.of());
    }

    public Optional<PolicyTable> version(TableCode code, int number) {
        return versions(code).stream().filter(v -> v.version() == number).findFirst();
    }

    public List<PolicyTable> all() {
        List<PolicyTable> all = new ArrayList<>();
        versions.values().forEach(all::addAll);
        return all;
    }
}
