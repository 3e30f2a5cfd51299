package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.CertificateStatus;
import cn.huiyisheng.rules.facts.ChildStatus;
import cn.huiyisheng.rules.facts.FamilyType;
import cn.huiyisheng.rules.facts.HardshipCategory;
import cn.huiyisheng.rules.facts.Subject;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.Hardship;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Measure;
import cn.huiyisheng.rules.household.MeasureType;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.PriorBenefit;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Sex;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives, for one table and one date, the subjects a table decides on and every attribute it may
 * read. This is the only place household facts are interpreted; tables see the derived values.
 * One factory serves one evaluation: what it derives about the family on a date is derived once.
 *
 * <p>Recurring benefits are assessed on the date asked. One-time benefits are assessed on the date
 * of their event (retirement, the measure), and decided under the version in force on that date;
 * the claim window (months since a measure) still counts to the date asked.
 */
final class SubjectFactory {

    /** A subject and the date whose version in force decides it. */
    record Assessment(Subject subject, LocalDate versionDate) {
    }

    private final Household h;
    private final Map<LocalDate, Family> families = new HashMap<>(4);

    SubjectFactory(Household household) {
        this.h = household;
    }

    List<Assessment> assess(TableCode code, LocalDate asOf) {
        List<Assessment> out = new ArrayList<>(2);
        List<Person> parents = h.parents();
        switch (code) {
            case ONE_CHILD_HEALTH_FEE, REWARD_SUPPORT, SPECIAL_SUPPORT, RETIRED_PARENT_ALLOWANCE,
                 ELDER_HEALTH_CHECK, MIGRANT_REPRODUCTIVE_HEALTH -> {
                for (int i = 0; i < parents.size(); i++) {
                    Person p = parents.get(i);
                    Subject s = person(code, p, i, asOf);
                    if (code == TableCode.ELDER_HEALTH_CHECK) {
                        boolean thisYear = false;
                        for (PriorBenefit b : h.priorBenefits()) {
                            thisYear |= received(b, code, p) && b.date().getYear() == asOf.getYear() && !b.date().isAfter(asOf);
                        }
                        s.setAlreadyReceived(thisYear);
                    }
                    out.add(new Assessment(s, asOf));
                }
            }
            case RETIREMENT_ONE_CHILD_REWARD, CHILDLESS_RETIREE_SUBSIDY -> {
                for (int i = 0; i < parents.size(); i++) {
                    Person p = parents.get(i);
                    LocalDate retiredOn = p.retirement() == null ? null : p.retirement().date();
                    boolean retired = retiredOn != null && !retiredOn.isAfter(asOf);
                    LocalDate on = retired ? retiredOn : asOf;
                    Subject s = person(code, p, i, on);
                    s.setRetired(retired);
                    boolean already = false;
                    for (PriorBenefit b : h.priorBenefits()) {
                        already |= received(b, code, p) && !b.date().isAfter(asOf);
                    }
                    s.setAlreadyReceived(already);
                    out.add(new Assessment(s, on));
                }
            }
            case LONG_ACTING_CONTRACEPTION_SUBSIDY, REMEDIAL_MEASURE_SUBSIDY -> {
                boolean remedial = code == TableCode.REMEDIAL_MEASURE_SUBSIDY;
                for (int i = 0; i < parents.size(); i++) {
                    Person p = parents.get(i);
                    for (int m = 0; m < p.measures().size(); m++) {
                        Measure measure = p.measures().get(m);
                        if ((measure.type() == MeasureType.REMEDIAL) != remedial || measure.date().isAfter(asOf)) {
                            continue;
                        }
                        String path = parentPath(i) + ".measures[" + m + "]";
                        Subject s = new Subject(code, parentLabel(i) + " measure " + (m + 1), path, measure.date());
                        fillPerson(s, p, measure.date());
                        s.setMeasureType(measure.type());
                        s.setCertifiedProvider(measure.isCertifiedProvider());
                        // month 1 is the month that starts on the day of the measure
                        s.setMeasureMonth((int) ChronoUnit.MONTHS.between(measure.date(), asOf) + 1);
                        boolean already = false;
                        for (PriorBenefit b : h.priorBenefits()) {
                            already |= received(b, code, p) && !b.date().isAfter(asOf)
                                    && (remedial ? measure.date().equals(b.date()) : measure.type() == b.measureType());
                        }
                        s.setAlreadyReceived(already);
                        out.add(new Assessment(s, measure.date()));
                    }
                }
            }
            case HARDSHIP_FAMILY_SUPPORT, BIRTH_DEFECT_SCREENING -> {
                Subject s = new Subject(code, "household", "$", asOf);
                fillPerson(s, h.applicant(), asOf);
                out.add(new Assessment(s, asOf));
            }
            case CITY_AVERAGE_WAGE -> throw new IllegalArgumentException("a parameter table has no subjects of its own");
        }
        return out;
    }

    /**
     * The first day after {@code on} on which any attribute of these {@link #kinds} of any subject of the household
     * may differ from its value on {@code on}; null if none can. Conservative: every date on which an
     * input of the attribute changes (a parent's birthday for an age, a child's birth, adoption, death
     * or disability for the family, a registration, retirement or certificate date, a prior benefit);
     * the day after for an attribute that counts months, or one not known here. Until that day an
     * evaluation gives what it gives on {@code on} (but for the date it names).
     */
    LocalDate nextChange(int kinds, LocalDate on) {
        if (kinds == lastKinds && on.equals(lastOn)) {
            return lastChange; // the other parent's subject, the same version: the same dates
        }
        Earliest e = new Earliest(on);
        if ((kinds & UNDATED) != 0) {
            e.date(on.plusDays(1)); // counts months (certificateMonths, measureMonth), or not dated here
        }
        if ((kinds & AGES) != 0) {
            h.parents().forEach(p -> e.birthday(p.birthDate()));
        }
        if ((kinds & REGISTRATION) != 0) {
            h.parents().forEach(p -> {
                if (p.registration() != null) {
                    e.date(p.registration().since());
                    e.date(p.registration().until());
                }
            });
        }
        if ((kinds & RETIREMENT) != 0) {
            h.parents().forEach(p -> e.date(p.retirement() == null ? null : p.retirement().date()));
        }
        if ((kinds & CERTIFICATE) != 0) {
            certificateDates(e);
        }
        if ((kinds & (FAMILY | CHILD_AGE)) != 0) {
            childDates(e);
        }
        if ((kinds & CHILD_AGE) != 0) {
            h.children().forEach(c -> e.birthday(c.birthDate()));
        }
        if ((kinds & PRIOR) != 0) {
            h.priorBenefits().forEach(b -> e.date(b.date()));
            e.date(LocalDate.of(on.getYear() + 1, 1, 1)); // "this year"
        }
        lastKinds = kinds;
        lastOn = on;
        lastChange = e.earliest;
        return e.earliest;
    }

    private int lastKinds = -1;
    private LocalDate lastOn;
    private LocalDate lastChange;

    private static final int UNDATED = 1;
    private static final int AGES = 2;
    private static final int REGISTRATION = 4;
    private static final int RETIREMENT = 8;
    private static final int CERTIFICATE = 16;
    private static final int FAMILY = 32;
    private static final int CHILD_AGE = 64;
    private static final int PRIOR = 128;

    /** What dates the attributes' values depend on, as {@link #nextChange} reads them (computed once per version). */
    static int kinds(java.util.Collection<String> attributes) {
        int kinds = 0;
        for (String attribute : attributes) {
            kinds |= switch (attribute) {
                case "sex", "employerType", "planningPregnancy" -> 0; // facts without a date
                case "age", "motherAge" -> AGES;
                case "registration" -> REGISTRATION;
                case "retired" -> RETIREMENT;
                case "certificate" -> CERTIFICATE;
                case "familyType", "onlyChildStatus", "disabilityGrade", "childBirthDate", "livingChildren", "newChildSinceLoss",
                     "outOfPolicyBirth", "sickOrDisabledChild", "hardshipCategory" -> FAMILY;
                case "childAge" -> CHILD_AGE;
                case "alreadyReceived" -> PRIOR;
                default -> UNDATED;
            };
        }
        return kinds;
    }

    private void certificateDates(Earliest e) {
        Certificate c = h.certificate();
        if (c != null) {
            e.date(c.issueDate());
            e.date(c.revokedDate());
        }
    }

    private void childDates(Earliest e) {
        for (Child c : h.children()) {
            e.date(c.birthDate());
            e.date(c.joinedFamilyOn());
            e.date(c.deathDate());
            e.date(c.disabilityDate());
        }
    }

    /** The earliest of the dates after a day. */
    private static final class Earliest {
        final LocalDate after;
        LocalDate earliest;

        Earliest(LocalDate after) {
            this.after = after;
        }

        void date(LocalDate d) {
            if (d != null && d.isAfter(after) && (earliest == null || d.isBefore(earliest))) {
                earliest = d;
            }
        }

        /** The next day on which an age counted from {@code birth} grows (the birth itself, if still ahead). */
        void birthday(LocalDate birth) {
            if (birth != null) {
                date(birth.isAfter(after) ? birth : Ages.reaches(birth, Ages.age(birth, after) + 1));
            }
        }
    }

    /** The wage subject for a retirement reward: the average wage of the year before retirement. */
    static Subject wageFor(Subject reward) {
        Subject wage = new Subject(TableCode.CITY_AVERAGE_WAGE, reward.getLabel(), reward.getPath(), reward.getAssessedOn());
        wage.setReferenceYear(reward.getAssessedOn().getYear() - 1);
        return wage;
    }

    private Subject person(TableCode code, Person p, int index, LocalDate on) {
        Subject s = new Subject(code, parentLabel(index), parentPath(index), on);
        fillPerson(s, p, on);
        return s;
    }

    private static String parentLabel(int index) {
        return index == 0 ? "applicant" : "spouse";
    }

    private static String parentPath(int index) {
        return index == 0 ? "$.applicant" : "$.spouse";
    }

    private static boolean received(PriorBenefit b, TableCode code, Person p) {
        return code.name().equals(b.benefit()) && (b.recipientId() == null || b.recipientId().equalsIgnoreCase(p.idNumber()));
    }

    private void fillPerson(Subject s, Person p, LocalDate on) {
        s.setAge(Ages.age(p.birthDate(), on));
        s.setSex(p.sex());
        s.setRegistration(p.registration() == null ? RegistrationType.NONE : p.registration().typeOn(on));
        s.setEmployerType(p.employerType());
        s.setRetired(p.retirement() != null && p.retirement().date() != null && !p.retirement().date().isAfter(on));
        families.computeIfAbsent(on, this::family).copyTo(s);
    }

    private Family family(LocalDate on) {
        Family f = new Family();
        for (Person parent : h.parents()) {
            if (parent.sex() == Sex.FEMALE) {
                f.motherAge = Ages.age(parent.birthDate(), on);
                break;
            }
        }
        Certificate c = h.certificate();
        if (c != null && c.issueDate() != null && !c.issueDate().isAfter(on)) {
            if (c.validOn(on)) {
                f.certificate = CertificateStatus.VALID;
                f.certificateMonths = Ages.monthsBetween(c.issueDate(), on);
            } else {
                f.certificate = CertificateStatus.REVOKED;
            }
        }
        List<Child> known = new ArrayList<>(h.children().size());
        LocalDate loss = null;
        int daughters = 0;
        for (Child child : h.children()) {
            if (child.joinedFamilyOn() == null || child.joinedFamilyOn().isAfter(on)) {
                continue;
            }
            known.add(child);
            daughters += child.sex() == Sex.FEMALE ? 1 : 0;
            boolean alive = aliveOn(child, on);
            f.livingChildren += alive ? 1 : 0;
            f.outOfPolicyBirth |= !child.isWithinPolicy();
            f.sickOrDisabledChild |= alive && disabledOn(child, on);
            LocalDate lost = !alive ? child.deathDate() : disabledOn(child, on) ? disabilityDate(child) : null;
            if (lost != null && (loss == null || lost.isBefore(loss))) {
                loss = lost;
            }
        }
        for (Child child : known) {
            f.newChildSinceLoss |= loss != null && child.joinedFamilyOn().isAfter(loss);
        }
        f.familyType = switch (known.size()) {
            case 0 -> FamilyType.NO_CHILD;
            case 1 -> FamilyType.ONE_CHILD;
            case 2 -> daughters == 2 ? FamilyType.TWO_DAUGHTERS : FamilyType.OTHER;
            default -> FamilyType.OTHER;
        };
        if (known.size() == 1) {
            Child only = known.get(0);
            f.childBirthDate = only.birthDate();
            f.childAge = Ages.age(only.birthDate(), on);
            if (!aliveOn(only, on)) {
                f.onlyChildStatus = ChildStatus.DIED;
            } else if (disabledOn(only, on)) {
                f.onlyChildStatus = ChildStatus.DISABLED;
                f.disabilityGrade = only.disability();
            } else {
                f.onlyChildStatus = ChildStatus.ALIVE;
            }
        }
        f.hardshipCategory = hardship(h.hardship(), f.onlyChildStatus);
        f.planningPregnancy = h.isPlanningPregnancy();
        return f;
    }

    /** What a table may know about the family (rather than the person) on a date. */
    private static final class Family {
        int motherAge = -1;
        CertificateStatus certificate = CertificateStatus.NONE;
        int certificateMonths = -1;
        FamilyType familyType;
        ChildStatus onlyChildStatus = ChildStatus.NOT_APPLICABLE;
        int disabilityGrade;
        int childAge = -1;
        LocalDate childBirthDate;
        int livingChildren;
        boolean newChildSinceLoss;
        boolean outOfPolicyBirth;
        boolean sickOrDisabledChild;
        boolean planningPregnancy;
        HardshipCategory hardshipCategory;

        void copyTo(Subject s) {
            s.setMotherAge(motherAge);
            s.setCertificate(certificate);
            s.setCertificateMonths(certificateMonths);
            s.setFamilyType(familyType);
            s.setOnlyChildStatus(onlyChildStatus);
            s.setDisabilityGrade(disabilityGrade);
            s.setChildAge(childAge);
            s.setChildBirthDate(childBirthDate);
            s.setLivingChildren(livingChildren);
            s.setNewChildSinceLoss(newChildSinceLoss);
            s.setOutOfPolicyBirth(outOfPolicyBirth);
            s.setSickOrDisabledChild(sickOrDisabledChild);
            s.setPlanningPregnancy(planningPregnancy);
            s.setHardshipCategory(hardshipCategory);
        }
    }

    private static boolean aliveOn(Child c, LocalDate on) {
        return c.isAlive() || c.deathDate() != null && c.deathDate().isAfter(on);
    }

    private static boolean disabledOn(Child c, LocalDate on) {
        return c.disability() > 0 && !disabilityDate(c).isAfter(on);
    }

    private static LocalDate disabilityDate(Child c) {
        return c.disabilityDate() != null ? c.disabilityDate() : c.birthDate();
    }

    private static HardshipCategory hardship(Hardship hs, ChildStatus onlyChild) {
        if (onlyChild == ChildStatus.DIED) {
            return HardshipCategory.CHILD_DIED;
        }
        if (onlyChild == ChildStatus.DISABLED) {
            return HardshipCategory.CHILD_DISABLED;
        }
        if (hs == null) {
            return HardshipCategory.NONE;
        }
        if (Boolean.TRUE.equals(hs.unableToCareForSelf())) {
            return HardshipCategory.UNABLE_TO_CARE;
        }
        if (Boolean.TRUE.equals(hs.seriousIllness())) {
            return HardshipCategory.SERIOUS_ILLNESS;
        }
        if (Boolean.TRUE.equals(hs.minimumLivingAllowance())) {
            return HardshipCategory.MINIMUM_LIVING_ALLOWANCE;
        }
        return HardshipCategory.NONE;
    }
}
