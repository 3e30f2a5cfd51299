package cn.huiyisheng.rules.engine;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AgesTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void anAgeIsReachedOnTheBirthday() {
        assertThat(Ages.age(d("1958-03-20"), d("2007-03-19"))).isEqualTo(48);
        assertThat(Ages.age(d("1958-03-20"), d("2007-03-20"))).isEqualTo(49);
    }

    @Test
    void someoneBornOn29FebruaryIsOlderFrom1MarchInACommonYear() {
        assertThat(Ages.age(d("1960-02-29"), d("2009-02-28"))).isEqualTo(48);
        assertThat(Ages.age(d("1960-02-29"), d("2009-03-01"))).isEqualTo(49);
        assertThat(Ages.reaches(d("1960-02-29"), 49)).isEqualTo(d("2009-03-01"));
    }

    @Test
    void andOn29FebruaryInALeapYear() {
        assertThat(Ages.age(d("1960-02-29"), d("2020-02-28"))).isEqualTo(59);
        assertThat(Ages.age(d("1960-02-29"), d("2020-02-29"))).isEqualTo(60);
        assertThat(Ages.reaches(d("1960-02-29"), 60)).isEqualTo(d("2020-02-29"));
    }

    @Test
    void theAgeIsPeriodBetweensYearsOnEveryPairOfDays() {
        // every birth day of 1999-2001 (a leap year among them) against every day of 2040-2041 and 2044
        for (LocalDate birth = d("1999-01-01"); birth.isBefore(d("2002-01-01")); birth = birth.plusDays(1)) {
            for (LocalDate on : java.util.List.of(d("2040-01-01"), d("2044-01-01"))) {
                for (LocalDate day = on; day.isBefore(on.plusYears(2)); day = day.plusDays(1)) {
                    assertThat(Ages.age(birth, day)).as("%s on %s", birth, day).isEqualTo(java.time.Period.between(birth, day).getYears());
                }
            }
            assertThat(Ages.age(birth, birth)).isZero();
            assertThat(Ages.age(birth, birth.plusDays(364))).isEqualTo(java.time.Period.between(birth, birth.plusDays(364)).getYears());
        }
    }

    @Test
    void beforeBirthThereIsNoAge() {
        assertThat(Ages.age(d("2000-01-01"), d("1999-12-31"))).isEqualTo(-1);
    }

    @Test
    void monthsCountCalendarMonths() {
        assertThat(Ages.monthsBetween(d("2005-06-30"), d("2005-06-01"))).isZero();
        assertThat(Ages.monthsBetween(d("2005-06-30"), d("2005-07-01"))).isEqualTo(1);
    }
}
