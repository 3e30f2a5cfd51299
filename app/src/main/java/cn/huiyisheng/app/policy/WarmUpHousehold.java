package cn.huiyisheng.app.policy;

import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Measure;
import cn.huiyisheng.rules.household.MeasureType;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Retirement;
import cn.huiyisheng.rules.household.Sex;

import java.time.LocalDate;
import java.util.List;

/** A synthetic household (no real person) that makes the engine build every table's knowledge base. */
final class WarmUpHousehold {

    static final Household HOUSEHOLD = new Household(
            new Person("000000197001010000", "warm-up", Sex.FEMALE, LocalDate.of(1970, 1, 1), null, null, null, null,
                    new Retirement(LocalDate.of(2025, 1, 1), null),
                    List.of(new Measure(MeasureType.IUD, LocalDate.of(2025, 1, 1), true, null),
                            new Measure(MeasureType.REMEDIAL, LocalDate.of(2025, 1, 1), true, null))),
            null, List.of(), null, null, false, List.of());

    private WarmUpHousehold() {
    }
}
