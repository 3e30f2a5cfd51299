package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.ChildOrigin;
import cn.huiyisheng.rules.household.EmployerType;
import cn.huiyisheng.rules.household.Employment;
import cn.huiyisheng.rules.household.Hardship;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.PriorBenefit;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Retirement;
import cn.huiyisheng.rules.household.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
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
            Household h = household(random);
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

    private static Household household(Random r) {
        Sex first = r.nextBoolean() ? Sex.FEMALE : Sex.MALE;
        Person applicant = person(r, first);
        Person spouse = r.nextInt(5) == 0 ? null : person(r, first == Sex.FEMALE ? Sex.MALE : Sex.FEMALE);
        LocalDate parentsBorn = applicant.birthDate();
        List<Child> children = new ArrayList<>();
        int n = r.nextInt(10) < 7 ? 1 : r.nextInt(4);
        for (int c = 0; c < n; c++) {
            LocalDate born = date(r, parentsBorn.plusYears(20), 25);
            boolean adopted = r.nextInt(8) == 0;
            LocalDate adoption = adopted ? born.plusDays(r.nextInt(3000)) : null;
            boolean dead = r.nextInt(3) == 0;
            LocalDate death = dead ? born.plusDays(r.nextInt(12000)) : null;
            int grade = !dead && r.nextInt(3) == 0 ? 1 + r.nextInt(4) : 0;
            LocalDate disabled = grade > 0 && r.nextBoolean() ? born.plusDays(r.nextInt(9000)) : null;
            children.add(new Child("子女", r.nextBoolean() ? Sex.FEMALE : Sex.MALE, born, c + 1, adopted ? ChildOrigin.ADOPTED : ChildOrigin.BORN,
                    adoption, dead ? Boolean.FALSE : r.nextInt(10) == 0 ? null : Boolean.TRUE, death, grade == 0 ? null : grade, disabled, r.nextInt(6) != 0));
        }
        Certificate certificate = r.nextInt(3) == 0 ? null
                : new Certificate("C" + r.nextInt(100000), date(r, parentsBorn.plusYears(22), 30), r.nextInt(5) == 0, null);
        if (certificate != null && Boolean.TRUE.equals(certificate.revoked())) {
            certificate = new Certificate(certificate.number(), certificate.issueDate(), true,
                    r.nextBoolean() ? certificate.issueDate().plusDays(r.nextInt(8000)) : null);
        }
        Hardship hardship = r.nextInt(3) == 0 ? null : new Hardship(r.nextBoolean(), r.nextInt(4) == 0, r.nextInt(6) == 0);
        List<PriorBenefit> prior = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            prior.add(new PriorBenefit("ONE_CHILD_HEALTH_FEE", date(r, LocalDate.of(2000, 1, 1), 25), null, null));
        }
        return new Household(applicant, spouse, children, certificate, hardship, r.nextInt(10) == 0, prior);
    }

    private static Person person(Random r, Sex sex) {
        LocalDate born = date(r, LocalDate.of(1940, 1, 1), 45);
        if (r.nextInt(40) == 0) {
            born = LocalDate.of(1956 + 4 * r.nextInt(6), 2, 29); // a leap-day birthday
        }
        RegistrationType type = RegistrationType.values()[r.nextInt(RegistrationType.values().length)];
        LocalDate since = r.nextInt(3) == 0 ? date(r, LocalDate.of(2000, 1, 1), 25) : null;
        Retirement retirement = r.nextInt(3) == 0 ? new Retirement(born.plusYears(50 + r.nextInt(11)).plusDays(r.nextInt(200)), null) : null;
        Employment employment = r.nextBoolean() ? null : new Employment(EmployerType.values()[r.nextInt(EmployerType.values().length)], null);
        return new Person(null, "某", sex, born, new Registration(type, "福田区", since), null, null, employment, retirement, List.of());
    }

    private static Person person(Sex sex, LocalDate born, RegistrationType type, LocalDate since) {
        return new Person(null, "某", sex, born, new Registration(type, "福田区", since), null, null, null, null, List.of());
    }

    private static LocalDate date(Random r, LocalDate from, int years) {
        return from.plusDays(r.nextInt(years * 365));
    }
}
