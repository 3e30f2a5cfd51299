package cn.huiyisheng.rules;

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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Households drawn at random, for the tests that compare two ways of evaluating and for the benchmark's varied population. */
public final class RandomHouseholds {

    private RandomHouseholds() {
    }

    /** A household drawn at random: one or two parents, up to three children, with every dated fact the engine reads. */
    public static Household household(Random r) {
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
        // a registration that ended (moved out, a permit expired) in a quarter of them
        LocalDate until = r.nextInt(4) != 0 ? null : since == null ? date(r, LocalDate.of(2004, 1, 1), 20)
                : since.plusDays(1 + r.nextInt(8 * 365));
        return new Person(null, "某", sex, born, new Registration(type, "福田区", since, until), null, null, employment, retirement,
                List.of());
    }

    private static LocalDate date(Random r, LocalDate from, int years) {
        return from.plusDays(r.nextInt(years * 365));
    }
}
