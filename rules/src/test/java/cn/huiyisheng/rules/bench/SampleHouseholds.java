package cn.huiyisheng.rules.bench;

import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.ChildOrigin;
import cn.huiyisheng.rules.household.EmployerType;
import cn.huiyisheng.rules.household.Employment;
import cn.huiyisheng.rules.household.Hardship;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.MaritalStatus;
import cn.huiyisheng.rules.household.Measure;
import cn.huiyisheng.rules.household.MeasureType;
import cn.huiyisheng.rules.household.PensionType;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Retirement;
import cn.huiyisheng.rules.household.Sex;

import java.time.LocalDate;
import java.util.List;

/** A household that touches every benefit: two parents, an only child who died, measures, hardship. */
public final class SampleHouseholds {

    private SampleHouseholds() {
    }

    public static Household bereavedCouple() {
        Person mother = new Person("440304195803200249", "李梅", Sex.FEMALE, LocalDate.of(1958, 3, 20),
                new Registration(RegistrationType.URBAN_HUKOU, "福田区", null), MaritalStatus.MARRIED, LocalDate.of(1983, 5, 1),
                new Employment(EmployerType.NON_STATE_ENTERPRISE, "某公司"), new Retirement(LocalDate.of(2013, 3, 20), PensionType.ENTERPRISE),
                List.of(new Measure(MeasureType.TUBAL_LIGATION, LocalDate.of(2014, 5, 1), true, "福田区计生服务中心")));
        Person father = new Person("440304196005120134", "王强", Sex.MALE, LocalDate.of(1960, 5, 12),
                new Registration(RegistrationType.URBAN_HUKOU, "福田区", null), MaritalStatus.MARRIED, LocalDate.of(1983, 5, 1),
                new Employment(EmployerType.STATE_OWNED_ENTERPRISE, "某国企"), new Retirement(LocalDate.of(2020, 6, 1), PensionType.ENTERPRISE),
                List.of());
        Child child = new Child("王小明", Sex.MALE, LocalDate.of(1985, 4, 1), 1, ChildOrigin.BORN, null, false,
                LocalDate.of(2005, 7, 15), 0, null, true);
        return new Household(mother, father, List.of(child), new Certificate("SZ-1986-000123", LocalDate.of(1986, 1, 10), false, null),
                new Hardship(true, false, false), false, List.of());
    }
}
