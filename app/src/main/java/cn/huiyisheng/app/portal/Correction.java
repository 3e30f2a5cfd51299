package cn.huiyisheng.app.portal;

import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Retirement;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An applicant's correction of their claim's household facts, in answer to a request for
 * information (issue 11 §3): how each child is now (alive, died, disabled: from when, which grade),
 * the certificate's date, each parent's retirement. The form starts from the facts as they stand;
 * what is posted is checked field by field (the calculator's messages) and applied to those facts,
 * leaving everything else (names, ID numbers, registrations) as it was. Fields: {@code c0Status},
 * {@code c0LossY/M/D}, {@code c0Grade} per child; {@code certY/M/D}; {@code retiredY/M/D},
 * {@code spouseRetiredY/M/D}.
 */
public final class Correction {

    private static final List<String> STATUSES = List.of("ALIVE", "DIED", "DISABLED");

    private final Map<String, String> values = new HashMap<>();

    private Correction() {
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean has(String field, String value) {
        return value.equals(values.get(field));
    }

    /** The form filled in with the facts as they stand. */
    public static Correction of(Household h) {
        Correction c = new Correction();
        for (int i = 0; i < h.children().size(); i++) {
            Child k = h.children().get(i);
            boolean disabled = k.disabilityGrade() != null && k.disabilityGrade() > 0;
            c.values.put("c" + i + "Status", !k.isAlive() ? "DIED" : disabled ? "DISABLED" : "ALIVE");
            c.putDate("c" + i + "Loss", !k.isAlive() ? k.deathDate() : disabled ? k.disabilityDate() : null);
            if (disabled) {
                c.values.put("c" + i + "Grade", Integer.toString(k.disabilityGrade()));
            }
        }
        if (h.certificate() != null) {
            c.putDate("cert", h.certificate().issueDate());
        }
        c.putDate("retired", h.applicant().retirement() == null ? null : h.applicant().retirement().date());
        if (h.spouse() != null) {
            c.putDate("spouseRetired", h.spouse().retirement() == null ? null : h.spouse().retirement().date());
        }
        return c;
    }

    /** The form as posted: only the fields this household's form has, trimmed. */
    public static Correction posted(Map<String, String> form, Household h) {
        Correction c = new Correction();
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < h.children().size(); i++) {
            fields.add("c" + i + "Status");
            fields.add("c" + i + "Grade");
            dateFields(fields, "c" + i + "Loss");
        }
        dateFields(fields, "cert");
        dateFields(fields, "retired");
        dateFields(fields, "spouseRetired");
        for (String f : fields) {
            String v = form.get(f);
            if (v != null && !v.isBlank()) {
                c.values.put(f, v.strip().length() > 10 ? v.strip().substring(0, 10) : v.strip());
            }
        }
        return c;
    }

    private static void dateFields(List<String> fields, String field) {
        fields.add(field + "Y");
        fields.add(field + "M");
        fields.add(field + "D");
    }

    private void putDate(String field, LocalDate d) {
        if (d != null) {
            values.put(field + "Y", Integer.toString(d.getYear()));
            values.put(field + "M", Integer.toString(d.getMonthValue()));
            values.put(field + "D", Integer.toString(d.getDayOfMonth()));
        }
    }

    /** Every problem with the posted form, by field (an input's id) and the calculator's message key. */
    public List<Screening.FieldProblem> problems(Household h, LocalDate today) {
        List<Screening.FieldProblem> p = new ArrayList<>();
        for (int i = 0; i < h.children().size(); i++) {
            String status = get("c" + i + "Status");
            if (!STATUSES.contains(status)) {
                p.add(new Screening.FieldProblem("c" + i + "Status", "check.error.choose.childStatus", List.of()));
                continue;
            }
            if (!status.equals("ALIVE")) {
                LocalDate born = h.children().get(i).birthDate();
                date(p, "c" + i + "Loss", "lossDate", true, born == null ? LocalDate.of(1900, 1, 1) : born, today);
                if (status.equals("DISABLED") && !List.of("1", "2", "3", "4").contains(get("c" + i + "Grade"))) {
                    p.add(new Screening.FieldProblem("c" + i + "Grade", "check.error.choose.disabilityGrade", List.of()));
                }
            }
        }
        if (h.certificate() != null) {
            date(p, "cert", "certificateDate", true, LocalDate.of(1970, 1, 1), today);
        }
        date(p, "retired", "retiredDate", false, LocalDate.of(1960, 1, 1), today);
        if (h.spouse() != null) {
            date(p, "spouseRetired", "spouseRetiredDate", false, LocalDate.of(1960, 1, 1), today);
        }
        return p;
    }

    private void date(List<Screening.FieldProblem> p, String field, String messageField, boolean required, LocalDate earliest,
                      LocalDate latest) {
        String y = get(field + "Y");
        String m = get(field + "M");
        String d = get(field + "D");
        if (y.isEmpty() && m.isEmpty() && d.isEmpty()) {
            if (required) {
                p.add(new Screening.FieldProblem(field + "Y", "check.error.date.required." + messageField, List.of()));
            }
            return;
        }
        if (y.isEmpty() || m.isEmpty() || d.isEmpty()) {
            p.add(new Screening.FieldProblem(y.isEmpty() ? field + "Y" : m.isEmpty() ? field + "M" : field + "D",
                    "check.error.date.incomplete", List.of()));
            return;
        }
        LocalDate date = dateOf(field);
        if (date == null) {
            p.add(new Screening.FieldProblem(field + "Y", "check.error.date.invalid", List.of()));
        } else if (date.isAfter(latest)) {
            p.add(new Screening.FieldProblem(field + "Y", "check.error.date.future", List.of()));
        } else if (date.isBefore(earliest)) {
            p.add(new Screening.FieldProblem(field + "Y", "check.error.date.tooEarly", List.of(earliest.toString())));
        }
    }

    private LocalDate dateOf(String field) {
        try {
            return LocalDate.of(Integer.parseInt(get(field + "Y")), Integer.parseInt(get(field + "M")), Integer.parseInt(get(field + "D")));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /**
     * The household with the corrections applied (to a form without problems); a fact not changed
     * stays exactly as it was, so that an unchanged form gives an equal household.
     */
    public Household apply(Household h) {
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < h.children().size(); i++) {
            children.add(child(h.children().get(i), get("c" + i + "Status"), dateOf("c" + i + "Loss"), get("c" + i + "Grade")));
        }
        Certificate cert = h.certificate();
        if (cert != null && !dateOf("cert").equals(cert.issueDate())) {
            cert = new Certificate(cert.number(), dateOf("cert"), cert.revoked(), cert.revokedDate());
        }
        return new Household(retired(h.applicant(), dateOf("retired")), h.spouse() == null ? null : retired(h.spouse(), dateOf("spouseRetired")),
                children, cert, h.hardship(), h.planningPregnancy(), h.priorBenefits());
    }

    private static Child child(Child k, String status, LocalDate loss, String grade) {
        boolean disabled = k.disabilityGrade() != null && k.disabilityGrade() > 0;
        return switch (status) {
            case "DIED" -> !k.isAlive() && loss.equals(k.deathDate()) ? k
                    : new Child(k.name(), k.sex(), k.birthDate(), k.birthOrder(), k.origin(), k.adoptionDate(), false, loss,
                    k.disabilityGrade(), k.disabilityDate(), k.withinPolicy(), k.idNumber());
            case "DISABLED" -> k.isAlive() && disabled && loss.equals(k.disabilityDate()) && grade.equals(k.disabilityGrade().toString()) ? k
                    : new Child(k.name(), k.sex(), k.birthDate(), k.birthOrder(), k.origin(), k.adoptionDate(), true, null,
                    Integer.valueOf(grade), loss, k.withinPolicy(), k.idNumber());
            default -> k.isAlive() && !disabled ? k
                    : new Child(k.name(), k.sex(), k.birthDate(), k.birthOrder(), k.origin(), k.adoptionDate(), true, null, null, null,
                    k.withinPolicy(), k.idNumber());
        };
    }

    private static Person retired(Person p, LocalDate date) {
        LocalDate was = p.retirement() == null ? null : p.retirement().date();
        if (java.util.Objects.equals(was, date)) {
            return p;
        }
        return new Person(p.idNumber(), p.name(), p.sex(), p.birthDate(), p.registration(), p.maritalStatus(), p.maritalStatusSince(),
                p.employment(), date == null ? null : new Retirement(date, p.retirement() == null ? null : p.retirement().pensionType()),
                p.measures());
    }
}
