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

    private final Map<TableCode, List<PolicyTable>> versions = new EnumMap<>(TableCode.class);

    public Catalog(List<PolicyTable> published) {
        for (PolicyTable table : published) {
            add(table);
        }
    }

    /** Adds a published version; a second version with the same number is refused. */
    public synchronized void add(PolicyTable table) {
        List<PolicyTable> list = versions.computeIfAbsent(table.code(), c -> new ArrayList<>());
        if (list.stream().anyMatch(v -> v.version() == table.version())) {
            throw new IllegalArgumentException(table.id() + " is already in the catalogue");
        }
        List<PolicyTable> copy = new ArrayList<>(list);
        copy.add(table);
        copy.sort(Comparator.comparingInt(PolicyTable::version));
        versions.put(table.code(), List.copyOf(copy));
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
