package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.ChildOrigin;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A span's months are evaluated only where the determination may change (a birthday, a child's
 * event, a registration, retirement or certificate date, a version's start) and carried over
 * otherwise. That must give exactly what evaluating every month gives: checked here on households
 * drawn at random, with every dated fact the engine reads, over spans that cross versions.
 */
class PeriodEvaluatorCarryTest {

    private static final Set<TableCode> RECURRING = EnumSet.of(TableCode.ONE_CHILD_HEALTH_FEE, TableCode.SPECIAL_SUPPORT,
            TableCode.RETIRED_PARENT_ALLOWANCE, TableCode.REWARD_SUPPORT, TableCode.HARDSHIP_FAMILY_SUPPORT);

    @Test
    void carryingMonthsOverGivesWhatEvaluatingEveryMonthGives() {
        Random random = new Random(20261202);
        PeriodEvaluator carrying = new PeriodEvaluator(Shipped.ENGINE);
        PeriodEvaluator everyMonth = new PeriodEvaluator(Shipped.ENGINE, true);
        int segments = 0;
        for (int i = 0; i < 1500; i++) {
            Household h = cn.huiyisheng.rules.RandomHouseholds.household(random);
            YearMonth from = YearMonth.of(2006, 1).plusMonths(random.nextInt(240));
            YearMonth to = from.plusMonths(random.nextInt(72));
            PeriodDetermination expected = everyMonth.evaluate(h, from, to, Shipped.NOW, RECURRING);
            PeriodDetermination actual = carrying.evaluate(h, from, to, Shipped.NOW, RECURRING);
            assertThat(actual).as("household %d, %s to %s: %s", i, from, to, h).isEqualTo(expected);
            for (PeriodDetermination.BenefitPeriod b : expected.benefits()) {
                for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                    segments += s.segments().size();
                }
            }
        }
        assertThat(segments).as("the households change often enough to test anything").isGreaterThan(10_000);
    }

    @Test
    void aBirthdayInTheMiddleOfASpanStartsANewSegmentFromTheNextMonth() {
        // the mother reaches 49 on 15 March 2014: special support from April
        Person mother = person(Sex.FEMALE, LocalDate.of(1965, 3, 15), RegistrationType.URBAN_HUKOU, null);
        Person father = person(Sex.MALE, LocalDate.of(1963, 1, 1), RegistrationType.URBAN_HUKOU, null);
        Child died = new Child("王小明", Sex.MALE, LocalDate.of(1990, 4, 1), 1, ChildOrigin.BORN, null, false, LocalDate.of(2010, 5, 1),
                null, null, true);
        Household h = new Household(mother, father, List.of(died), null, null, false, List.of());
        PeriodDetermination d = new PeriodEvaluator(Shipped.ENGINE).evaluate(h, YearMonth.of(2013, 7), YearMonth.of(2014, 12), Shipped.NOW,
                EnumSet.of(TableCode.SPECIAL_SUPPORT));
        List<Segment> segments = d.benefits().get(0).subjects().get(0).segments();
        assertThat(segments.get(segments.size() - 1).eligible()).isTrue();
        assertThat(segments.get(segments.size() - 1).from()).isEqualTo(YearMonth.of(2014, 4));
        assertThat(segments.subList(0, segments.size() - 1)).extracting(Segment::eligible).containsOnly(false);
        assertThat(d).isEqualTo(new PeriodEvaluator(Shipped.ENGINE, true).evaluate(h, YearMonth.of(2013, 7), YearMonth.of(2014, 12),
                Shipped.NOW, EnumSet.of(TableCode.SPECIAL_SUPPORT)));
    }

    @Test
    void aRegistrationThatEndsMidMonthCountsForThatMonthAndNoneAfter() {
        // special support for a bereaved mother; her hukou moved out of the city on 20 June 2016
        Child died = new Child("王小明", Sex.MALE, LocalDate.of(1990, 4, 1), 1, ChildOrigin.BORN, null, false, LocalDate.of(2010, 5, 1),
                null, null, true);
        Person mother = new Person(null, "某", Sex.FEMALE, LocalDate.of(1960, 3, 15),
                new Registration(RegistrationType.URBAN_HUKOU, "福田区", LocalDate.of(1995, 1, 1), LocalDate.of(2016, 6, 20)),
                null, null, null, null, List.of());
        Household h = new Household(mother, null, List.of(died), null, null, false, List.of());
        PeriodDetermination d = new PeriodEvaluator(Shipped.ENGINE).evaluate(h, YearMonth.of(2016, 1), YearMonth.of(2016, 12),
                Shipped.NOW, EnumSet.of(TableCode.SPECIAL_SUPPORT));
        List<Segment> segments = d.benefit(TableCode.SPECIAL_SUPPORT.name()).orElseThrow().subjects().get(0).segments();
        assertThat(segments).extracting(Segment::from, Segment::to, Segment::eligible).containsExactly(
                org.assertj.core.groups.Tuple.tuple(YearMonth.of(2016, 1), YearMonth.of(2016, 6), true),
                org.assertj.core.groups.Tuple.tuple(YearMonth.of(2016, 7), YearMonth.of(2016, 12), false));
        // and a registration that ends before it begins is refused, by field
        Person wrong = new Person(null, "某", Sex.FEMALE, LocalDate.of(1960, 3, 15),
                new Registration(RegistrationType.URBAN_HUKOU, "福田区", LocalDate.of(2016, 6, 20), LocalDate.of(2016, 6, 1)),
                null, null, null, null, List.of());
        assertThat(new cn.huiyisheng.rules.household.HouseholdValidator(java.util.Set.of()).validate(new Household(wrong, null, List.of(died), null, null, false,
                List.of()))).extracting(cn.huiyisheng.rules.household.Problem::path).contains("$.applicant.registration.until");
    }

    private static Person person(Sex sex, LocalDate born, RegistrationType type, LocalDate since) {
        return new Person(null, "某", sex, born, new Registration(type, "福田区", since), null, null, null, null, List.of());
    }
}
