package cn.huiyisheng.rules.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What a household is entitled to on a date, under the versions known at an instant, with every
 * outcome explained. The record an audit replays.
 */
public record Determination(LocalDate asOf, Instant knownAt, String engineVersion, List<BenefitDetermination> benefits) {

    public Determination {
        benefits = List.copyOf(benefits);
    }

    public Optional<BenefitDetermination> benefit(String code) {
        return benefits.stream().filter(b -> b.benefit().equals(code)).findFirst();
    }
}
