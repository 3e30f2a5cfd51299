package cn.huiyisheng.rules.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An adult of the household.
 *
 * @param idNumber     18-character resident ID number (GB 11643); personal data, masked in logs
 * @param name         personal data, masked in logs
 * @param measures     long-acting contraception or remedial measures this person underwent
 */
public record Person(
        String idNumber,
        String name,
        Sex sex,
        LocalDate birthDate,
        Registration registration,
        MaritalStatus maritalStatus,
        LocalDate maritalStatusSince,
        Employment employment,
        Retirement retirement,
        List<Measure> measures) {

    public Person {
        measures = measures == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(measures));
    }

    public RegistrationType registrationType() {
        return registration == null || registration.type() == null ? RegistrationType.NONE : registration.type();
    }

    public EmployerType employerType() {
        return employment == null || employment.employerType() == null ? EmployerType.NONE : employment.employerType();
    }

    @Override
    public String toString() {
        return "Person[" + ResidentId.mask(idNumber) + ", " + sex + "]";
    }
}
