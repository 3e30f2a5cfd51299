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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Derives, for one table and one date, the subjects a table decides on and every attribute it may
 * read. This is the only place household facts are interpreted; tables see the derived values.
 *
 * <p>Recurring benefits are assessed on the date asked. One-time benefits are assessed on the date
 * of their event (retirement, the measure), and decided under the version in force on that date;
 * the claim window (months since a measure) still counts to the date asked.
 */
final class SubjectFactory {

    private SubjectFactory() {
    }

    /** A subject and the date whose version in force decides it. */
    record Assessment(Subject subject, LocalDate versionDate) {
    }

    static List<Assessment> assess(TableCode code, Household h, LocalDate asOf) {
        List<Assessment> out = new ArrayList<>();
        switch (code) {
            case ONE_CHILD_HEALTH_FEE, REWARD_SUPPORT, SPECIAL_SUPPORT, RETIRED_PARENT_ALLOWANCE,
                 ELDER_HEALTH_CHECK, MIGRANT_REPRODUCTIVE_HEALTH -> {
                for (int i = 0; i < h.parents().size(); i++) {
                    Person p = h.parents().get(i);
                    Subject s = person(code, h, p, i, asOf);
                    if (code == TableCode.ELDER_HEALTH_CHECK) {
                        s.setAlreadyReceived(received(h, code, p).anyMatch(b -> b.date().getYear() == asOf.getYear()
                                && !b.date().isAfter(asOf)));
                    }
                    out.add(new Assessment(s, asOf));
                }
            }
            case RETIREMENT_ONE_CHILD_REWARD, CHILDLESS_RETIREE_SUBSIDY -> {
                for (int i = 0; i < h.parents().size(); i++) {
                    Person p = h.parents().get(i);
                    LocalDate retiredOn = p.retirement() == null ? null : p.retirement().date();
                    boolean retired = retiredOn != null && !retiredOn.isAfter(asOf);
                    LocalDate on = retired ? retiredOn : asOf;
                    Subject s = person(code, h, p, i, on);
                    s.setRetired(retired);
                    s.setAlreadyReceived(received(h, code, p).anyMatch(b -> !b.date().isAfter(asOf)));
                    out.add(new Assessment(s, on));
                }
            }
            case LONG_ACTING_CONTRACEPTION_SUBSIDY, REMEDIAL_MEASURE_SUBSIDY -> {
                boolean remedial = code == TableCode.REMEDIAL_MEASURE_SUBSIDY;
                for (int i = 0; i < h.parents().size(); i++) {
                    Person p = h.parents().get(i);
                    for (int m = 0; m < p.measures().size(); m++) {
                        Measure measure = p.measures().get(m);
                        if ((measure.type() == MeasureType.REMEDIAL) != remedial || measure.date().isAfter(asOf)) {
                            continue;
                        }
                        String path = parentPath(i) + ".measures[" + m + "]";
                        Subject s = new Subject(code, parentLabel(i) + " measure " + (m + 1), path, measure.date());
                        fillPerson(s, h, p, measure.date());
                        s.setMeasureType(measure.type());
                        s.setCertifiedProvider(measure.isCertifiedProvider());
                        // month 1 is the month that starts on the day of the measure
                        s.setMeasureMonth((int) java.time.temporal.ChronoUnit.MONTHS.between(measure.date(), asOf) + 1);
                        s.setAlreadyReceived(received(h, code, p).anyMatch(b -> !b.date().isAfter(asOf)
                                && (remedial ? measure.date().equals(b.date()) : measure.type() == b.measureType())));
                        out.add(new Assessment(s, measure.date()));
                    }
                }
            }
            case HARDSHIP_FAMILY_SUPPORT, BIRTH_DEFECT_SCREENING -> {
                Subject s = new Subject(code, "household", "$", asOf);
                fillPerson(s, h, h.applicant(), asOf);
                out.add(new Assessment(s, asOf));
            }
            case CITY_AVERAGE_WAGE -> throw new IllegalArgumentException("a parameter table has no subjects of its own");
        }
        return out;
    }

    /** The wage subject for a retirement reward: the average wage of the year before retirement. */
    static Subject wageFor(Subject reward) {
        Subject wage = new Subject(TableCode.CITY_AVERAGE_WAGE, reward.getLabel(), reward.getPath(), reward.getAssessedOn());
        wage.setReferenceYear(reward.getAssessedOn().getYear() - 1);
        return wage;
    }

    private static Subject person(TableCode code, Household h, Person p, int index, LocalDate on) {
        Subject s = new Subject(code, parentLabel(index), parentPath(index), on);
        fillPerson(s, h, p, on);
        return s;
    }

    private static String parentLabel(int index) {
        return index == 0 ? "applicant" : "spouse";
    }

    private static String parentPath(int index) {
        return index == 0 ? "$.applicant" : "$.spouse";
    }

    private static java.util.stream.Stream<PriorBenefit> received(Household h, TableCode code, Person p) {
        return h.priorBenefits().stream()
                .filter(b -> code.name().equals(b.benefit()))
                .filter(b -> b.recipientId() == null || b.recipientId().equalsIgnoreCase(p.idNumber()));
    }

    private static void fillPerson(Subject s, Household h, Person p, LocalDate on) {
        s.setAge(Ages.age(p.birthDate(), on));
        s.setSex(p.sex());
        s.setRegistration(p.registration() == null || p.registration().since() == null
                || !p.registration().since().isAfter(on) ? p.registrationType() : RegistrationType.NONE);
        s.setEmployerType(p.employerType());
        s.setRetired(p.retirement() != null && p.retirement().date() != null && !p.retirement().date().isAfter(on));
        s.setMotherAge(h.parents().stream().filter(x -> x.sex() == Sex.FEMALE).findFirst()
                .map(m -> Ages.age(m.birthDate(), on)).orElse(-1));
        fillCertificate(s, h.certificate(), on);
        fillChildren(s, h, on);
        s.setPlanningPregnancy(h.isPlanningPregnancy());
        s.setHardshipCategory(hardship(h, s));
    }

    private static void fillCertificate(Subject s, Certificate c, LocalDate on) {
        if (c == null || c.issueDate() == null || c.issueDate().isAfter(on)) {
            s.setCertificate(CertificateStatus.NONE);
            return;
        }
        if (c.validOn(on)) {
            s.setCertificate(CertificateStatus.VALID);
            s.setCertificateMonths(Ages.monthsBetween(c.issueDate(), on));
        } else {
            s.setCertificate(CertificateStatus.REVOKED);
        }
    }

    private static void fillChildren(Subject s, Household h, LocalDate on) {
        List<Child> known = h.children().stream()
                .filter(c -> c.joinedFamilyOn() != null && !c.joinedFamilyOn().isAfter(on))
                .sorted(Comparator.comparing(Child::joinedFamilyOn))
                .toList();
        s.setFamilyType(switch (known.size()) {
            case 0 -> FamilyType.NO_CHILD;
            case 1 -> FamilyType.ONE_CHILD;
            case 2 -> known.stream().allMatch(c -> c.sex() == Sex.FEMALE) ? FamilyType.TWO_DAUGHTERS : FamilyType.OTHER;
            default -> FamilyType.OTHER;
        });
        s.setLivingChildren((int) known.stream().filter(c -> aliveOn(c, on)).count());
        s.setOutOfPolicyBirth(known.stream().anyMatch(c -> !c.isWithinPolicy()));
        s.setSickOrDisabledChild(known.stream().anyMatch(c -> aliveOn(c, on) && disabledOn(c, on)));
        LocalDate loss = known.stream()
                .map(c -> !aliveOn(c, on) ? c.deathDate() : disabledOn(c, on) ? disabilityDate(c) : null)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        s.setNewChildSinceLoss(loss != null && known.stream().anyMatch(c -> c.joinedFamilyOn().isAfter(loss)));
        if (known.size() == 1) {
            Child only = known.get(0);
            s.setChildBirthDate(only.birthDate());
            s.setChildAge(Ages.age(only.birthDate(), on));
            if (!aliveOn(only, on)) {
                s.setOnlyChildStatus(ChildStatus.DIED);
            } else if (disabledOn(only, on)) {
                s.setOnlyChildStatus(ChildStatus.DISABLED);
                s.setDisabilityGrade(only.disability());
            } else {
                s.setOnlyChildStatus(ChildStatus.ALIVE);
            }
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

    private static HardshipCategory hardship(Household h, Subject s) {
        if (s.getOnlyChildStatus() == ChildStatus.DIED) {
            return HardshipCategory.CHILD_DIED;
        }
        if (s.getOnlyChildStatus() == ChildStatus.DISABLED) {
            return HardshipCategory.CHILD_DISABLED;
        }
        Hardship hs = h.hardship();
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
