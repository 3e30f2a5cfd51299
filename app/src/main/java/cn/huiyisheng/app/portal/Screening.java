package cn.huiyisheng.app.portal;

import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.ChildOrigin;
import cn.huiyisheng.rules.household.EmployerType;
import cn.huiyisheng.rules.household.Employment;
import cn.huiyisheng.rules.household.Hardship;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Measure;
import cn.huiyisheng.rules.household.MeasureType;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Retirement;
import cn.huiyisheng.rules.household.Sex;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One person's answers to the calculator, kept in their session only (nothing is stored, no ID
 * number is asked: birth dates suffice). Answers are kept as typed, so that a page shows them again
 * as they were entered; each page's answers are checked when posted ({@link #answer}), and the
 * household the engine evaluates is made from them ({@link #household}).
 */
public class Screening implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A problem with one field of a page: the field (an input's id), the message's key and its arguments. */
    public record FieldProblem(String field, String key, List<String> args) implements Serializable {
    }

    static final String YES = "yes";
    static final String NO = "no";

    private final EnumSet<Situation> situations = EnumSet.noneOf(Situation.class);
    private final Map<String, String> answers = new HashMap<>();
    private final EnumSet<Step> answered = EnumSet.noneOf(Step.class);

    public Set<Situation> situations() {
        return Set.copyOf(situations);
    }

    /** Starts again from these situations; answers already given are kept for the pages that ask them again. */
    public void choose(Set<Situation> chosen) {
        situations.clear();
        situations.addAll(chosen);
    }

    public String get(String field) {
        return answers.getOrDefault(field, "");
    }

    public boolean has(String field, String value) {
        return value.equals(answers.get(field));
    }

    /** The questions to ask, in order: who you are and where registered, then what the situations need. */
    public List<Step> steps() {
        EnumSet<Step> needed = EnumSet.of(Step.YOU, Step.REGISTRATION);
        situations.forEach(s -> needed.addAll(s.steps()));
        if ("NONE".equals(answers.get("children"))) {
            needed.remove(Step.CHILD_DATES);
            needed.remove(Step.CHILD_STATUS);
        }
        return new ArrayList<>(needed);
    }

    /** The first question not answered yet, or null when all are. */
    public Step next() {
        for (Step s : steps()) {
            if (!answered.contains(s)) {
                return s;
            }
        }
        return null;
    }

    public boolean isAnswered(Step step) {
        return answered.contains(step);
    }

    /** The step before this one, or null for the first. */
    public Step previous(Step step) {
        List<Step> steps = steps();
        int i = steps.indexOf(step);
        return i <= 0 ? null : steps.get(i - 1);
    }

    /**
     * Takes a page's answers: every problem with them, by field, or none (then they are kept).
     * Answers of a page with problems are kept too, to show them again, but the page stays unanswered.
     */
    public List<FieldProblem> answer(Step step, Map<String, String> posted, LocalDate today) {
        for (String field : step.fields()) {
            for (String suffix : List.of("", "Y", "M", "D")) {
                String v = posted.get(field + suffix);
                if (v != null) {
                    answers.put(field + suffix, v.strip().length() > 40 ? v.strip().substring(0, 40) : v.strip());
                } else if (!suffix.isEmpty() || !isDate(field)) {
                    answers.remove(field + suffix);
                }
            }
        }
        List<FieldProblem> problems = check(step, today);
        if (problems.isEmpty()) {
            answered.add(step);
        } else {
            answered.remove(step);
        }
        return problems;
    }

    private static boolean isDate(String field) {
        return field.endsWith("Birth") || field.endsWith("Date") || field.equals("birth");
    }

    private List<FieldProblem> check(Step step, LocalDate today) {
        List<FieldProblem> p = new ArrayList<>();
        switch (step) {
            case YOU -> {
                oneOf(p, "sex", "MALE", "FEMALE");
                date(p, "birth", LocalDate.of(1900, 1, 1), today);
            }
            case REGISTRATION -> oneOf(p, "registration", "URBAN_HUKOU", "RURAL_HUKOU", "RESIDENCE_PERMIT", "NONE");
            case SPOUSE -> {
                if (oneOf(p, "spouse", YES, NO) && YES.equals(get("spouse"))) {
                    date(p, "spouseBirth", LocalDate.of(1900, 1, 1), today);
                }
            }
            case CHILDREN -> {
                if (oneOf(p, "children", "NONE", "ONE", "TWO_DAUGHTERS", "OTHER") && !"NONE".equals(get("children"))) {
                    oneOf(p, "withinPolicy", YES, NO);
                }
            }
            case CHILD_DATES -> {
                LocalDate parent = dateOf("birth");
                LocalDate first = date(p, "child1Birth", parent == null ? LocalDate.of(1900, 1, 1) : parent, today);
                if ("ONE".equals(get("children"))) {
                    oneOf(p, "child1Sex", "MALE", "FEMALE");
                } else {
                    date(p, "child2Birth", first == null ? LocalDate.of(1900, 1, 1) : first, today);
                }
            }
            case CHILD_STATUS -> {
                if (oneOf(p, "childStatus", "ALIVE", "DIED", "DISABLED") && !"ALIVE".equals(get("childStatus"))) {
                    LocalDate born = dateOf("child1Birth");
                    date(p, "lossDate", born == null ? LocalDate.of(1900, 1, 1) : born, today);
                    if ("DISABLED".equals(get("childStatus"))) {
                        oneOf(p, "disabilityGrade", "1", "2", "3", "4");
                    }
                }
            }
            case CERTIFICATE -> {
                if (oneOf(p, "certificate", YES, NO) && YES.equals(get("certificate"))) {
                    date(p, "certificateDate", LocalDate.of(1970, 1, 1), today);
                }
            }
            case WORK -> {
                work(p, "", today);
                if (YES.equals(get("spouse"))) {
                    work(p, "spouse", today);
                }
            }
            case MEASURE -> {
                oneOf(p, "measureType", java.util.Arrays.stream(MeasureType.values()).map(Enum::name).toArray(String[]::new));
                date(p, "measureDate", LocalDate.of(1970, 1, 1), today);
                oneOf(p, "certifiedProvider", YES, NO);
            }
            case HARDSHIP -> {
                // three boxes to tick, none required
            }
        }
        return p;
    }

    private void work(List<FieldProblem> p, String who, LocalDate today) {
        String employer = who.isEmpty() ? "employer" : who + "Employer";
        String retired = who.isEmpty() ? "retired" : who + "Retired";
        oneOf(p, employer, java.util.Arrays.stream(EmployerType.values()).map(Enum::name).toArray(String[]::new));
        if (oneOf(p, retired, YES, NO) && YES.equals(get(retired))) {
            date(p, retired + "Date", LocalDate.of(1960, 1, 1), today);
        }
    }

    private boolean oneOf(List<FieldProblem> p, String field, String... values) {
        String v = get(field);
        if (v.isEmpty()) {
            p.add(new FieldProblem(field, "check.error.choose." + field, List.of()));
            return false;
        }
        if (!List.of(values).contains(v)) {
            p.add(new FieldProblem(field, "check.error.invalid", List.of()));
            return false;
        }
        return true;
    }

    /** A date in three boxes (year, month, day): required, real, within the bounds; null with a problem otherwise. */
    private LocalDate date(List<FieldProblem> p, String field, LocalDate earliest, LocalDate latest) {
        String y = get(field + "Y");
        String m = get(field + "M");
        String d = get(field + "D");
        String id = field + "Y";
        if (y.isEmpty() && m.isEmpty() && d.isEmpty()) {
            p.add(new FieldProblem(id, "check.error.date.required." + field, List.of()));
            return null;
        }
        if (y.isEmpty() || m.isEmpty() || d.isEmpty()) {
            p.add(new FieldProblem(y.isEmpty() ? id : m.isEmpty() ? field + "M" : field + "D", "check.error.date.incomplete", List.of()));
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
        } catch (NumberFormatException | DateTimeException e) {
            p.add(new FieldProblem(id, "check.error.date.invalid", List.of()));
            return null;
        }
        if (date.isAfter(latest)) {
            p.add(new FieldProblem(id, "check.error.date.future", List.of()));
            return null;
        }
        if (date.isBefore(earliest)) {
            p.add(new FieldProblem(id, "check.error.date.tooEarly", List.of(earliest.toString())));
            return null;
        }
        return date;
    }

    /** A date answered (and checked), or null. */
    public LocalDate dateOf(String field) {
        try {
            return LocalDate.of(Integer.parseInt(get(field + "Y")), Integer.parseInt(get(field + "M")), Integer.parseInt(get(field + "D")));
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** The household the answers describe: no names, no ID numbers (the rules read dates and kinds). */
    public Household household() {
        RegistrationType registration = RegistrationType.valueOf(get("registration"));
        boolean work = steps().contains(Step.WORK);
        List<Measure> measures = steps().contains(Step.MEASURE)
                ? List.of(new Measure(MeasureType.valueOf(get("measureType")), dateOf("measureDate"), has("certifiedProvider", YES), null))
                : List.of();
        Sex sex = Sex.valueOf(get("sex"));
        Person applicant = new Person(null, null, sex, dateOf("birth"), new Registration(registration, null, null), null, null,
                work ? new Employment(EmployerType.valueOf(get("employer")), null) : null,
                work && has("retired", YES) ? new Retirement(dateOf("retiredDate"), null) : null, measures);
        Person spouse = !has("spouse", YES) ? null : new Person(null, null, sex == Sex.FEMALE ? Sex.MALE : Sex.FEMALE, dateOf("spouseBirth"),
                new Registration(registration, null, null), null, null,
                work ? new Employment(EmployerType.valueOf(get("spouseEmployer")), null) : null,
                work && has("spouseRetired", YES) ? new Retirement(dateOf("spouseRetiredDate"), null) : null, List.of());
        List<Child> children = new ArrayList<>();
        String kind = steps().contains(Step.CHILDREN) ? get("children") : "NONE";
        if (!kind.equals("NONE")) {
            boolean within = has("withinPolicy", YES);
            String status = steps().contains(Step.CHILD_STATUS) ? get("childStatus") : "ALIVE";
            LocalDate loss = "ALIVE".equals(status) ? null : dateOf("lossDate");
            Sex first = kind.equals("ONE") ? Sex.valueOf(get("child1Sex")) : kind.equals("TWO_DAUGHTERS") ? Sex.FEMALE : Sex.MALE;
            children.add(new Child(null, first, dateOf("child1Birth"), 1, ChildOrigin.BORN, null, !"DIED".equals(status),
                    "DIED".equals(status) ? loss : null, "DISABLED".equals(status) ? Integer.valueOf(get("disabilityGrade")) : null,
                    "DISABLED".equals(status) ? loss : null, within));
            if (!kind.equals("ONE")) {
                children.add(new Child(null, Sex.FEMALE, dateOf("child2Birth"), 2, ChildOrigin.BORN, null, true, null, null, null, within));
            }
        }
        Certificate certificate = steps().contains(Step.CERTIFICATE) && has("certificate", YES)
                ? new Certificate(null, dateOf("certificateDate"), false, null) : null;
        Hardship hardship = steps().contains(Step.HARDSHIP) && (has("minimumLiving", YES) || has("seriousIllness", YES)
                || has("unableToCare", YES)) ? new Hardship(has("minimumLiving", YES), has("seriousIllness", YES), has("unableToCare", YES))
                : null;
        return new Household(applicant, spouse, children, certificate, hardship, false, List.of());
    }
}
