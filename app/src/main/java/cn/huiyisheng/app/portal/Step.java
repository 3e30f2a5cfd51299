package cn.huiyisheng.app.portal;

import java.util.List;

/**
 * The calculator's questions, one page each, in the order asked. Each names the fields its page
 * posts (the names of {@link Screening}'s answers).
 */
public enum Step {
    YOU("sex", "birth"),
    REGISTRATION("registration"),
    SPOUSE("spouse", "spouseBirth"),
    CHILDREN("children", "withinPolicy"),
    CHILD_DATES("child1Sex", "child1Birth", "child2Birth"),
    CHILD_STATUS("childStatus", "lossDate", "disabilityGrade", "newChild"),
    CERTIFICATE("certificate", "certificateDate"),
    WORK("employer", "retired", "retiredDate", "spouseEmployer", "spouseRetired", "spouseRetiredDate"),
    MEASURE("measureType", "measureDate", "certifiedProvider"),
    HARDSHIP("minimumLiving", "seriousIllness", "unableToCare");

    private final List<String> fields;

    Step(String... fields) {
        this.fields = List.of(fields);
    }

    public List<String> fields() {
        return fields;
    }

    /** The step's name in URLs: /check/you, /check/child-dates. */
    public String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static java.util.Optional<Step> ofSlug(String slug) {
        for (Step s : values()) {
            if (s.slug().equals(slug)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
