package cn.huiyisheng.rules.household;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The facts about one family that every benefit is decided on: the applicant, the spouse, their
 * children, the one-child certificate, hardship and what they have already received. One model
 * serves evaluation, claims, replay and the portal; it is validated by {@link HouseholdValidator}.
 *
 * @param applicant         the person who applies (required)
 * @param spouse            the applicant's spouse, if any
 * @param children          every child ever born to or adopted by the couple, living or not
 * @param certificate       the 独生子女父母光荣证, if one was issued
 * @param hardship          the family's hardship situation, if any
 * @param planningPregnancy the couple plans a pregnancy (birth-defect screening)
 * @param priorBenefits     benefits and services already received (blocks double claims)
 */
public record Household(
        Person applicant,
        Person spouse,
        List<Child> children,
        Certificate certificate,
        Hardship hardship,
        Boolean planningPregnancy,
        List<PriorBenefit> priorBenefits) {

    public Household {
        children = children == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(children));
        priorBenefits = priorBenefits == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(priorBenefits));
    }

    public boolean isPlanningPregnancy() {
        return Boolean.TRUE.equals(planningPregnancy);
    }

    /** The applicant and, when present, the spouse, in that order. */
    public List<Person> parents() {
        List<Person> parents = new ArrayList<>(2);
        if (applicant != null) {
            parents.add(applicant);
        }
        if (spouse != null) {
            parents.add(spouse);
        }
        return parents;
    }
}
