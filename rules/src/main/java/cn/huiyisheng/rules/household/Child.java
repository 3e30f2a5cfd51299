package cn.huiyisheng.rules.household;

import java.time.LocalDate;

/**
 * A child born to or adopted by the couple.
 *
 * @param birthOrder      1 for the first child, and so on
 * @param adoptionDate    when an adopted child joined the family
 * @param alive           false when the child has died ({@code deathDate} then required)
 * @param disabilityGrade 0 for none, else 1 (most severe) to 4
 * @param disabilityDate  when the disability was certified
 * @param withinPolicy    born within the family-planning policy
 * @param idNumber        the child's resident ID number, when known (a grown child has one); personal data
 */
public record Child(
        String name,
        Sex sex,
        LocalDate birthDate,
        Integer birthOrder,
        ChildOrigin origin,
        LocalDate adoptionDate,
        Boolean alive,
        LocalDate deathDate,
        Integer disabilityGrade,
        LocalDate disabilityDate,
        Boolean withinPolicy,
        String idNumber) {

    public Child(String name, Sex sex, LocalDate birthDate, Integer birthOrder, ChildOrigin origin, LocalDate adoptionDate, Boolean alive,
                 LocalDate deathDate, Integer disabilityGrade, LocalDate disabilityDate, Boolean withinPolicy) {
        this(name, sex, birthDate, birthOrder, origin, adoptionDate, alive, deathDate, disabilityGrade, disabilityDate, withinPolicy, null);
    }

    public boolean isAlive() {
        return !Boolean.FALSE.equals(alive);
    }

    public boolean isWithinPolicy() {
        return !Boolean.FALSE.equals(withinPolicy);
    }

    public int disability() {
        return disabilityGrade == null ? 0 : disabilityGrade;
    }

    /** The day the child joined the family: birth, or adoption for an adopted child. */
    public LocalDate joinedFamilyOn() {
        return origin == ChildOrigin.ADOPTED && adoptionDate != null ? adoptionDate : birthDate;
    }

    @Override
    public String toString() {
        return "Child[" + birthDate + ", " + sex + "]";
    }
}
