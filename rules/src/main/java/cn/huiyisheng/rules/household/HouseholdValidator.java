package cn.huiyisheng.rules.household;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a household completely and reports every problem with its JSON path, so that a user can
 * fix them all at once. A household with problems is never evaluated.
 */
public final class HouseholdValidator {

    private final Set<String> knownBenefitCodes;

    /** @param knownBenefitCodes the codes a prior benefit may name */
    public HouseholdValidator(Set<String> knownBenefitCodes) {
        this.knownBenefitCodes = Set.copyOf(knownBenefitCodes);
    }

    public List<Problem> validate(Household household) {
        List<Problem> problems = new ArrayList<>();
        if (household == null) {
            problems.add(new Problem("$", "REQUIRED", "a household is required", "必须提供家庭信息"));
            return problems;
        }
        if (household.applicant() == null) {
            problems.add(required("$.applicant", "申请人"));
        } else {
            person(household.applicant(), "$.applicant", problems);
        }
        if (household.spouse() != null) {
            person(household.spouse(), "$.spouse", problems);
            if (household.applicant() != null && household.applicant().idNumber() != null
                    && household.applicant().idNumber().equalsIgnoreCase(household.spouse().idNumber())) {
                problems.add(new Problem("$.spouse.idNumber", "SAME_PERSON",
                        "the spouse has the applicant's ID number", "配偶的身份证号码与申请人相同"));
            }
        }
        children(household, problems);
        certificate(household.certificate(), problems);
        priorBenefits(household.priorBenefits(), problems);
        return problems;
    }

    private void person(Person p, String path, List<Problem> problems) {
        if (p.idNumber() == null || p.idNumber().isBlank()) {
            problems.add(required(path + ".idNumber", "身份证号码"));
        } else {
            ResidentId.defect(p.idNumber()).ifPresent(why -> problems.add(new Problem(path + ".idNumber",
                    "ID_NUMBER_INVALID", "not a valid resident ID number: " + why.en(),
                    "身份证号码无效：" + why.zh())));
        }
        if (p.name() == null || p.name().isBlank()) {
            problems.add(required(path + ".name", "姓名"));
        }
        if (p.sex() == null) {
            problems.add(required(path + ".sex", "性别"));
        }
        if (p.birthDate() == null) {
            problems.add(required(path + ".birthDate", "出生日期"));
        }
        if (p.idNumber() != null && ResidentId.isValid(p.idNumber())) {
            LocalDate idBirth = ResidentId.birthDate(p.idNumber()).orElseThrow();
            if (p.birthDate() != null && !idBirth.equals(p.birthDate())) {
                problems.add(new Problem(path + ".birthDate", "ID_BIRTH_DATE_MISMATCH",
                        "birth date " + p.birthDate() + " differs from the one in the ID number (" + idBirth + ")",
                        "出生日期与身份证号码中的出生日期（" + idBirth + "）不一致"));
            }
            if (p.sex() != null && ResidentId.sex(p.idNumber()) != p.sex()) {
                problems.add(new Problem(path + ".sex", "ID_SEX_MISMATCH",
                        "sex " + p.sex() + " differs from the one coded in the ID number",
                        "性别与身份证号码不一致"));
            }
        }
        if (p.registration() != null && p.registration().type() == null) {
            problems.add(required(path + ".registration.type", "户籍类型"));
        }
        if (p.registration() != null && p.registration().since() != null && p.registration().until() != null
                && !p.registration().until().isAfter(p.registration().since())) {
            problems.add(new Problem(path + ".registration.until", "BEFORE_SINCE",
                    "the registration ends (" + p.registration().until() + ") before it begins (" + p.registration().since() + ")",
                    "户籍（居住证）终止日期须晚于登记日期（" + p.registration().since() + "）"));
        }
        if (p.maritalStatusSince() != null && p.birthDate() != null && p.maritalStatusSince().isBefore(p.birthDate())) {
            problems.add(beforeBirth(path + ".maritalStatusSince"));
        }
        if (p.retirement() != null) {
            if (p.retirement().date() == null) {
                problems.add(required(path + ".retirement.date", "退休日期"));
            } else if (p.birthDate() != null && p.retirement().date().isBefore(p.birthDate())) {
                problems.add(beforeBirth(path + ".retirement.date"));
            }
        }
        for (int i = 0; i < p.measures().size(); i++) {
            Measure m = p.measures().get(i);
            String mp = path + ".measures[" + i + "]";
            if (m == null) {
                problems.add(required(mp, "节育措施"));
                continue;
            }
            if (m.type() == null) {
                problems.add(required(mp + ".type", "措施类型"));
            }
            if (m.date() == null) {
                problems.add(required(mp + ".date", "措施日期"));
            } else if (p.birthDate() != null && m.date().isBefore(p.birthDate())) {
                problems.add(beforeBirth(mp + ".date"));
            }
            if (m.type() == MeasureType.VASECTOMY && p.sex() == Sex.FEMALE
                    || m.type() == MeasureType.TUBAL_LIGATION && p.sex() == Sex.MALE) {
                problems.add(new Problem(mp + ".type", "MEASURE_SEX_MISMATCH",
                        m.type() + " does not apply to a person of sex " + p.sex(), "措施类型与性别不符"));
            }
        }
    }

    private void children(Household h, List<Problem> problems) {
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < h.children().size(); i++) {
            Child c = h.children().get(i);
            String path = "$.children[" + i + "]";
            if (c == null) {
                problems.add(required(path, "子女"));
                continue;
            }
            if (c.birthDate() == null) {
                problems.add(required(path + ".birthDate", "出生日期"));
            } else {
                for (Person parent : h.parents()) {
                    if (parent != null && parent.birthDate() != null && !c.birthDate().isAfter(parent.birthDate())) {
                        problems.add(new Problem(path + ".birthDate", "CHILD_BORN_BEFORE_PARENT",
                                "the child is born on " + c.birthDate() + ", not after the parent (born " + parent.birthDate() + ")",
                                "子女出生日期不晚于父母的出生日期"));
                        break;
                    }
                }
            }
            if (c.idNumber() != null) {
                ResidentId.defect(c.idNumber()).ifPresentOrElse(why -> problems.add(new Problem(path + ".idNumber",
                        "ID_NUMBER_INVALID", "not a valid resident ID number: " + why.en(), "身份证号码无效：" + why.zh())), () -> {
                    LocalDate idBirth = ResidentId.birthDate(c.idNumber()).orElseThrow();
                    if (c.birthDate() != null && !idBirth.equals(c.birthDate())) {
                        problems.add(new Problem(path + ".birthDate", "ID_BIRTH_DATE_MISMATCH",
                                "birth date " + c.birthDate() + " differs from the one in the ID number (" + idBirth + ")",
                                "出生日期与身份证号码中的出生日期（" + idBirth + "）不一致"));
                    }
                });
            }
            if (c.birthOrder() != null && (c.birthOrder() < 1 || !orders.add(c.birthOrder()))) {
                problems.add(new Problem(path + ".birthOrder", "BIRTH_ORDER_INVALID",
                        "birth order must be a positive number used once", "孩次必须为正整数且不可重复"));
            }
            if (c.origin() == ChildOrigin.ADOPTED) {
                if (c.adoptionDate() == null) {
                    problems.add(required(path + ".adoptionDate", "收养日期"));
                } else if (c.birthDate() != null && c.adoptionDate().isBefore(c.birthDate())) {
                    problems.add(beforeBirth(path + ".adoptionDate"));
                }
            }
            if (!c.isAlive()) {
                if (c.deathDate() == null) {
                    problems.add(new Problem(path + ".deathDate", "REQUIRED",
                            "the date of death is required when alive is false", "子女已死亡时必须填写死亡日期"));
                } else if (c.birthDate() != null && c.deathDate().isBefore(c.birthDate())) {
                    problems.add(beforeBirth(path + ".deathDate"));
                }
            } else if (c.deathDate() != null) {
                problems.add(new Problem(path + ".deathDate", "CONTRADICTION",
                        "a date of death is given but alive is not false", "填写了死亡日期，但未标明子女已死亡"));
            }
            if (c.disabilityGrade() != null && (c.disabilityGrade() < 0 || c.disabilityGrade() > 4)) {
                problems.add(new Problem(path + ".disabilityGrade", "OUT_OF_RANGE",
                        "disability grade must be 0 (none) or 1 to 4, found " + c.disabilityGrade(),
                        "残疾等级必须为0（无）或1至4级"));
            }
            if (c.disability() > 0 && c.disabilityDate() != null && c.birthDate() != null
                    && c.disabilityDate().isBefore(c.birthDate())) {
                problems.add(beforeBirth(path + ".disabilityDate"));
            }
        }
    }

    private void certificate(Certificate cert, List<Problem> problems) {
        if (cert == null) {
            return;
        }
        if (cert.number() == null || cert.number().isBlank()) {
            problems.add(required("$.certificate.number", "光荣证编号"));
        }
        if (cert.issueDate() == null) {
            problems.add(required("$.certificate.issueDate", "发证日期"));
        }
        if (Boolean.TRUE.equals(cert.revoked())) {
            if (cert.revokedDate() == null) {
                problems.add(new Problem("$.certificate.revokedDate", "REQUIRED",
                        "the date of revocation is required when revoked is true", "光荣证已注销时必须填写注销日期"));
            } else if (cert.issueDate() != null && cert.revokedDate().isBefore(cert.issueDate())) {
                problems.add(new Problem("$.certificate.revokedDate", "BEFORE_ISSUE",
                        "revoked before it was issued", "注销日期早于发证日期"));
            }
        }
    }

    private void priorBenefits(List<PriorBenefit> priors, List<Problem> problems) {
        for (int i = 0; i < priors.size(); i++) {
            PriorBenefit b = priors.get(i);
            String path = "$.priorBenefits[" + i + "]";
            if (b == null) {
                problems.add(required(path, "已享受待遇"));
                continue;
            }
            if (b.benefit() == null || b.benefit().isBlank()) {
                problems.add(required(path + ".benefit", "待遇代码"));
            } else if (!knownBenefitCodes.contains(b.benefit())) {
                problems.add(new Problem(path + ".benefit", "UNKNOWN_BENEFIT",
                        "unknown benefit code '" + b.benefit() + "'; known: " + knownBenefitCodes.stream().sorted().toList(),
                        "未知的待遇代码"));
            }
            if (b.date() == null) {
                problems.add(required(path + ".date", "享受日期"));
            }
            if (b.recipientId() != null && !ResidentId.isValid(b.recipientId())) {
                problems.add(new Problem(path + ".recipientId", "ID_NUMBER_INVALID",
                        "not a valid resident ID number", "身份证号码无效"));
            }
        }
    }

    private static Problem required(String path, String zhField) {
        return new Problem(path, "REQUIRED", "this field is required", zhField + "为必填项");
    }

    private static Problem beforeBirth(String path) {
        return new Problem(path, "BEFORE_BIRTH", "this date is before the person's birth", "该日期早于出生日期");
    }
}
