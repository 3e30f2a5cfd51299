package cn.huiyisheng.rules.household;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdValidatorTest {

    private final HouseholdValidator validator = new HouseholdValidator(Set.of("SPECIAL_SUPPORT"));

    private static Person person(String id, Sex sex, String birth) {
        return new Person(id, "李梅", sex, LocalDate.parse(birth), new Registration(RegistrationType.URBAN_HUKOU, "福田区", null),
                MaritalStatus.MARRIED, null, null, null, List.of());
    }

    @Test
    void acceptsAConsistentHousehold() {
        Household h = new Household(person("440304195803200249", Sex.FEMALE, "1958-03-20"), null,
                List.of(new Child("王小明", Sex.MALE, LocalDate.parse("1985-04-01"), 1, ChildOrigin.BORN, null, true, null, 0, null, true)),
                null, null, false, List.of());
        assertThat(validator.validate(h)).isEmpty();
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        Household h = new Household(
                person("440304195803200248", Sex.MALE, "1958-03-21"),
                person("440304196005120134", Sex.MALE, "1960-05-12"),
                List.of(new Child("甲", Sex.MALE, LocalDate.parse("1950-01-01"), 1, ChildOrigin.ADOPTED, null, false, null, 7, null, true)),
                new Certificate("SZ-1", LocalDate.parse("1990-01-01"), true, null),
                null, null,
                List.of(new PriorBenefit("FREE_LUNCH", LocalDate.parse("2010-01-01"), null, null)));
        assertThat(validator.validate(h)).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("$.applicant.idNumber", "ID_NUMBER_INVALID"),
                org.assertj.core.groups.Tuple.tuple("$.children[0].birthDate", "CHILD_BORN_BEFORE_PARENT"),
                org.assertj.core.groups.Tuple.tuple("$.children[0].adoptionDate", "REQUIRED"),
                org.assertj.core.groups.Tuple.tuple("$.children[0].deathDate", "REQUIRED"),
                org.assertj.core.groups.Tuple.tuple("$.children[0].disabilityGrade", "OUT_OF_RANGE"),
                org.assertj.core.groups.Tuple.tuple("$.certificate.revokedDate", "REQUIRED"),
                org.assertj.core.groups.Tuple.tuple("$.priorBenefits[0].benefit", "UNKNOWN_BENEFIT"));
    }

    @Test
    void theIdNumberMustAgreeWithBirthDateAndSex() {
        Household h = new Household(person("440304195803200249", Sex.MALE, "1958-03-21"), null, null, null, null, null, null);
        assertThat(validator.validate(h)).extracting(Problem::path, Problem::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("$.applicant.birthDate", "ID_BIRTH_DATE_MISMATCH"),
                org.assertj.core.groups.Tuple.tuple("$.applicant.sex", "ID_SEX_MISMATCH"));
    }

    @Test
    void checkDigitFollowsGb11643() {
        assertThat(ResidentId.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentId.isValid("110105194912310021")).isFalse();
        assertThat(ResidentId.problem("110105194913310021")).hasValueSatisfying(p -> assertThat(p).contains("birth date"));
        assertThat(ResidentId.problem("1101051949")).hasValue("must have 18 characters");
        assertThat(ResidentId.mask("440304195803200249")).isEqualTo("440**************9").doesNotContain("19580320");
        assertThat(ResidentId.maskName("李梅")).isEqualTo("李*");
    }

    @Test
    void aHouseholdPrintedToALogShowsNoIdNumberOrName() {
        Household h = new Household(person("440304195803200249", Sex.FEMALE, "1958-03-20"), null,
                List.of(new Child("王小明", Sex.MALE, LocalDate.parse("1985-04-01"), 1, ChildOrigin.BORN, null, true, null, 0, null, true)),
                new Certificate("SZ-1986-000123", LocalDate.parse("1986-01-10"), false, null), null, false,
                List.of(new PriorBenefit("SPECIAL_SUPPORT", LocalDate.parse("2010-01-01"), "440304195803200249", null)));
        assertThat(h.toString()).doesNotContain("440304195803200249").doesNotContain("李梅").doesNotContain("王小明")
                .doesNotContain("SZ-1986-000123");
    }

    @Test
    void aChildsIdNumberMustBeValidAndMatchTheBirthDate() {
        Person mother = person("440304195803200249", Sex.FEMALE, "1958-03-20");
        Child wrongCheck = new Child("王小明", Sex.MALE, LocalDate.parse("1985-04-01"), 1, ChildOrigin.BORN, null, true, null, 0, null, true,
                "440304198504010010");
        String first17 = "44030419850402001";
        Child otherDay = new Child("王小明", Sex.MALE, LocalDate.parse("1985-04-01"), 1, ChildOrigin.BORN, null, true, null, 0, null, true,
                first17 + ResidentId.checkCharacter(first17));
        assertThat(validator.validate(new Household(mother, null, List.of(wrongCheck), null, null, false, List.of())))
                .extracting(Problem::path).containsExactly("$.children[0].idNumber");
        assertThat(validator.validate(new Household(mother, null, List.of(otherDay), null, null, false, List.of())))
                .extracting(Problem::path, Problem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.children[0].birthDate", "ID_BIRTH_DATE_MISMATCH"));
    }
}
