package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.payments.persistence.AdjustmentRow;
import cn.huiyisheng.app.payments.persistence.LifeEventRow;
import cn.huiyisheng.app.payments.persistence.PaidMonth;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.RecurringEntitlementRow;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.ChildOrigin;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Sex;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Life events (issue 10 §4): staff record what happened to a household after its claim was
 * approved, with its date and the evidence seen. The claim's entitlements are determined again from
 * the event's date on the facts as the event leaves them: months already paid that are no longer
 * due (or due differently) become overpayment records (or top-ups), months scheduled but not paid
 * that are no longer due are cancelled, and the standing entitlements go on, change or end at the
 * next run. A recipient's death is not a fact of the rules: the deceased's entitlements end with the
 * month of death, and every month after it is cancelled or, if paid, recorded as overpaid. Each
 * event is sealed like every determination (scope PAYMENT) and told in the claim's timeline.
 */
@Service
@Transactional
public class LifeEvents {

    public enum Kind {
        /** A recipient (applicant or spouse) died. */
        DEATH,
        CHILD_DEATH,
        CHILD_DISABILITY,
        BIRTH,
        ADOPTION,
        CERTIFICATE_REVOKED,
        /** The person's household registration moved out of the city. */
        MOVED_OUT,
        /** The person's residence permit expired. */
        PERMIT_EXPIRED
    }

    /**
     * An event as staff record it. {@code subject}: applicant, spouse, or child[i] (0-based, as the
     * claim lists them); a new child's name, sex and birth date for a birth or an adoption; the
     * grade for a disability.
     */
    @io.swagger.v3.oas.annotations.media.Schema(description = "A life event / 家庭情况变化")
    public record Event(Kind kind, String subject, LocalDate date, String evidence, String childName, Sex childSex,
                        LocalDate childBirthDate, Integer disabilityGrade) {
    }

    /** What recording an event changed. */
    public record Recorded(long eventId, int cancelled, int overpayments, BigDecimal overpaid, int topUps, BigDecimal toppedUp,
                           int ended) {
    }

    private static final Pattern CHILD = Pattern.compile("child\\[(\\d{1,2})]");

    private final PaymentMapper mapper;
    private final Households households;
    private final Corrections corrections;
    private final PersonKeys keys;
    private final AuditLog audit;
    private final SecurityTrail trail;
    private final Clock clock;

    public LifeEvents(PaymentMapper mapper, Households households, Corrections corrections, PersonKeys keys, AuditLog audit,
                      SecurityTrail trail, Clock clock) {
        this.mapper = mapper;
        this.households = households;
        this.corrections = corrections;
        this.keys = keys;
        this.audit = audit;
        this.trail = trail;
        this.clock = clock;
    }

    public List<LifeEventRow> ofClaim(long claimId) {
        return mapper.lifeEventsOfClaim(claimId);
    }

    /** A change the applicant reported, waiting for a reviewer (or handled). */
    public record Report(long id, String claimReference, Long standingId, Kind kind, LocalDate date, String note, Instant at,
                         String status) {
    }

    /**
     * The applicant reports a change of their own approved claim's household: kept for a reviewer,
     * who records the life event with the evidence seen; nothing changes by the report itself.
     */
    public Report report(long claimId, String username, Kind kind, LocalDate date, String note) {
        List<Problem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new Problem("kind", "REQUIRED", "choose what changed", "请选择发生了什么变化"));
        }
        if (date == null || date.isAfter(LocalDate.now(clock)) || date.isBefore(LocalDate.of(1900, 1, 1))) {
            problems.add(new Problem("date", "OUT_OF_RANGE", "the date it happened, not after today", "请填写发生日期（不晚于今天）"));
        }
        if (note == null || note.isBlank() || note.strip().length() > 2000) {
            problems.add(new Problem("note", "REQUIRED", "say what happened, at most 2,000 characters", "请说明具体情况（最多2000个字）"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        cn.huiyisheng.app.payments.persistence.ChangeReportRow row = new cn.huiyisheng.app.payments.persistence.ChangeReportRow();
        row.setClaimId(claimId);
        row.setUsername(username);
        row.setKind(kind.name());
        row.setEventDate(date);
        row.setNote(note.strip());
        row.setCreatedAt(clock.instant());
        mapper.insertChangeReport(row);
        audit.claim(claimId, username, "CHANGE_REPORTED", kind + " on " + date + ": " + row.getNote(),
                List.of(kind.name(), date.toString(), row.getNote()));
        return new Report(row.getId(), null, null, kind, date, row.getNote(), row.getCreatedAt(), "REPORTED");
    }

    /** The changes applicants reported that no reviewer has handled yet, the oldest first. */
    public List<Report> openReports() {
        return mapper.openChangeReports().stream().map(LifeEvents::report).toList();
    }

    public List<Report> reportsOfClaim(long claimId) {
        return mapper.changeReportsOfClaim(claimId).stream().map(LifeEvents::report).toList();
    }

    private static Report report(cn.huiyisheng.app.payments.persistence.ChangeReportRow r) {
        return new Report(r.getId(), r.getClaimReference(), r.getStandingId(), Kind.valueOf(r.getKind()), r.getEventDate(), r.getNote(),
                r.getCreatedAt(), r.getStatus());
    }

    /** A reviewer marks a report handled (once; the life event, if any, is recorded on its own); never of their own household. */
    public void handleReport(long id, CurrentUser staff) {
        Long claimId = mapper.claimOfChangeReport(id);
        if (claimId == null) {
            throw new cn.huiyisheng.app.web.ApiErrors.NotFound("no change report " + id);
        }
        if (staff.personKey() != null && mapper.isPartyOfClaim(claimId, staff.personKey())) {
            throw new cn.huiyisheng.app.web.Forbidden("CONFLICT_OF_INTEREST", staff.username()
                    + " is a member of this household and cannot handle its report");
        }
        if (mapper.handleChangeReport(id, staff.username(), clock.instant()) != 1) {
            throw new cn.huiyisheng.app.web.Conflict("NOT_OPEN", "change report " + id + " was handled already");
        }
        audit.claim(claimId, staff.username(), "CHANGE_HANDLED", "change report " + id + " handled", List.of(Long.toString(id)));
    }

    /** Records an event of the claim's household and determines again what it changes; a bad event changes nothing. */
    public Recorded record(long claimId, String claimReference, Event e, CurrentUser staff) {
        Household before = households.current(claimId);
        Household after = apply(before, e, LocalDate.now(clock));
        Instant now = clock.instant();
        LifeEventRow row = new LifeEventRow();
        row.setClaimId(claimId);
        row.setKind(e.kind().name());
        // a birth or an adoption is about the new child (it has no subject yet): recorded as the child it adds
        row.setSubject(e.subject() != null && !e.subject().isBlank() ? e.subject().strip()
                : e.kind() == Kind.BIRTH || e.kind() == Kind.ADOPTION ? "child[" + (after.children().size() - 1) + "]" : "household");
        row.setEventDate(e.date());
        row.setEvidence(e.evidence().strip());
        row.setDetailsJson(e.kind() == Kind.BIRTH || e.kind() == Kind.ADOPTION
                ? households.write(new Household(null, null, List.of(after.children().get(after.children().size() - 1)), null, null, null,
                null)) : e.kind() == Kind.CHILD_DISABILITY ? "{\"disabilityGrade\":" + e.disabilityGrade() + "}" : null);
        row.setFactsJson(households.write(after));
        row.setRecordedBy(staff.username());
        row.setRecordedAt(now);
        mapper.insertLifeEvent(row);
        String cause = "EVENT-" + row.getId();
        YearMonth month = YearMonth.from(e.date());
        YearMonth thisMonth = YearMonth.now(clock);
        audit.claim(claimId, staff.username(), "LIFE_EVENT", e.kind() + " of " + row.getSubject() + " on " + e.date() + ", evidence: "
                + row.getEvidence() + " (" + cause + ")", List.of(e.kind().name(), row.getSubject(), e.date().toString(), row.getEvidence()));
        trail.record(staff.username(), SecurityTrail.Type.DECISION, "OK", "claim " + claimReference, "LIFE_EVENT " + e.kind() + " " + cause);

        int cancelled = 0;
        int ended = 0;
        List<AdjustmentRow> made = new ArrayList<>();
        if (e.kind() == Kind.DEATH) {
            // the deceased is paid through the month of death: later months are cancelled, or recorded as overpaid
            String prefix = "$." + e.subject();
            String applicantKey = keyOf(before.applicant());
            String spouseKey = keyOf(before.spouse());
            for (PaidMonth m : mapper.paidOfClaimFrom(claimId, month.plusMonths(1).toString())) {
                if (!m.subjectPath().startsWith(prefix)) {
                    continue;
                }
                if (Corrections.notPaidYet(m) && mapper.cancelPayment(m.paymentId()) == 1) {
                    cancelled++;
                    continue;
                }
                AdjustmentRow a = corrections.adjustment(cause, m, BigDecimal.ZERO.setScale(2), applicantKey, spouseKey,
                        m.determinationId(), now);
                if (a != null) {
                    a.setLifeEventId(row.getId());
                    mapper.insertAdjustment(a);
                    made.add(a);
                }
            }
            for (RecurringEntitlementRow r : mapper.findRecurringOfClaim(claimId)) {
                if (r.getStatus().equals(RecurringEntitlements.ACTIVE) && r.getSubjectPath().startsWith(prefix)) {
                    String end = month.isBefore(YearMonth.parse(r.getStartPeriod())) ? r.getStartPeriod() : month.toString();
                    mapper.closeRecurring(r.getId(), end, "受益人于" + e.date() + "去世", "The recipient died on " + e.date(), now);
                    audit.claim(claimId, AuditLog.SYSTEM, "ENTITLEMENT_ENDED", r.getBenefit() + " " + r.getSubjectLabel()
                            + " ends after " + end + ": the recipient died on " + e.date(), List.of(r.getBenefit(), end,
                            "受益人于" + e.date() + "去世", "The recipient died on " + e.date()));
                    ended++;
                }
            }
        } else {
            // the facts change from the event on: every month determined since, again, on the new facts
            List<PaidMonth> since = mapper.paidOfClaimFrom(claimId, month.toString());
            if (!since.isEmpty()) {
                made.addAll(corrections.adjust(cause, row.getId(), claimId, after, since, thisMonth));
                cancelled = since.size() - mapper.paidOfClaimFrom(claimId, month.toString()).size();
            }
        }
        if (!made.isEmpty()) {
            corrections.recordOnClaim(claimId, "life event " + row.getId() + " (" + e.kind() + " " + e.date() + ")", made);
        }
        BigDecimal over = made.stream().filter(a -> a.getKind().equals(Corrections.OVERPAYMENT)).map(a -> a.getDifference().negate())
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal up = made.stream().filter(a -> a.getKind().equals(Corrections.TOP_UP)).map(AdjustmentRow::getDifference)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        int nOver = (int) made.stream().filter(a -> a.getKind().equals(Corrections.OVERPAYMENT)).count();
        return new Recorded(row.getId(), cancelled, nOver, over, made.size() - nOver, up, ended);
    }

    /** The household as the event leaves it; every problem with the event reported at once, by field. */
    static Household apply(Household h, Event e, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (e == null || e.kind() == null) {
            throw new BadInput("$.kind", "REQUIRED", "one of " + java.util.Arrays.toString(Kind.values()), "请选择事件类型");
        }
        if (e.date() == null) {
            problems.add(new Problem("$.date", "REQUIRED", "the date of the event is required", "事件日期为必填项"));
        } else if (e.date().isAfter(today) || e.date().isBefore(LocalDate.of(1900, 1, 1))) {
            problems.add(new Problem("$.date", "OUT_OF_RANGE", "the event's date must be between 1900-01-01 and today",
                    "事件日期须在1900-01-01至今天之间"));
        }
        if (e.evidence() == null || e.evidence().isBlank()) {
            problems.add(new Problem("$.evidence", "REQUIRED", "name the evidence seen (a certificate's number, a document)",
                    "请填写所见证明材料（如证明编号）"));
        } else if (e.evidence().strip().length() > 200) {
            problems.add(new Problem("$.evidence", "TOO_LONG", "at most 200 characters", "最多200个字符"));
        }
        String subject = e.subject() == null ? "" : e.subject().strip();
        Matcher child = CHILD.matcher(subject);
        boolean aboutChild = e.kind() == Kind.CHILD_DEATH || e.kind() == Kind.CHILD_DISABILITY;
        boolean aboutParent = e.kind() == Kind.DEATH || e.kind() == Kind.MOVED_OUT || e.kind() == Kind.PERMIT_EXPIRED;
        if (aboutChild && (!child.matches() || Integer.parseInt(child.group(1)) >= h.children().size())) {
            problems.add(new Problem("$.subject", "INVALID_VALUE", "child[i], one of the household's " + h.children().size() + " child(ren)",
                    "请选择家庭中的子女（child[序号]）"));
        }
        if (aboutParent && !(subject.equals("applicant") || subject.equals("spouse") && h.spouse() != null)) {
            problems.add(new Problem("$.subject", "INVALID_VALUE", "applicant" + (h.spouse() != null ? " or spouse" : ""),
                    "请选择申请人或配偶"));
        }
        if ((e.kind() == Kind.MOVED_OUT || e.kind() == Kind.PERMIT_EXPIRED) && e.date() != null
                && (subject.equals("applicant") || subject.equals("spouse") && h.spouse() != null)) {
            Registration r = (subject.equals("spouse") ? h.spouse() : h.applicant()).registration();
            boolean permit = e.kind() == Kind.PERMIT_EXPIRED;
            RegistrationType type = r == null || r.type() == null ? RegistrationType.NONE : r.type();
            if (permit ? type != RegistrationType.RESIDENCE_PERMIT : type != RegistrationType.URBAN_HUKOU && type != RegistrationType.RURAL_HUKOU) {
                problems.add(new Problem("$.kind", "INVALID_VALUE", "the " + subject + " is registered as " + type.en()
                        + (permit ? ", not by a residence permit" : ", not by a hukou of the city"),
                        "该成员的登记类型为" + type.zh() + (permit ? "，不是居住证" : "，不是本市户籍")));
            } else if (r.since() != null && !e.date().isAfter(r.since())) {
                problems.add(new Problem("$.date", "OUT_OF_RANGE", "the registration began on " + r.since() + ": the event must come after",
                        "该成员于" + r.since() + "登记，事件日期须在此之后"));
            } else if (r.until() != null && r.until().isBefore(e.date())) {
                problems.add(new Problem("$.date", "OUT_OF_RANGE", "the registration already ended on " + r.until(),
                        "该成员的登记已于" + r.until() + "终止"));
            }
        }
        if ((e.kind() == Kind.BIRTH || e.kind() == Kind.ADOPTION)) {
            if (e.childName() == null || e.childName().isBlank() || e.childName().strip().length() > 50) {
                problems.add(new Problem("$.childName", "REQUIRED", "the child's name, at most 50 characters", "请填写子女姓名（最多50个字符）"));
            }
            if (e.childSex() == null) {
                problems.add(new Problem("$.childSex", "REQUIRED", "MALE or FEMALE", "请选择子女性别"));
            }
            if (e.kind() == Kind.ADOPTION && e.childBirthDate() == null) {
                problems.add(new Problem("$.childBirthDate", "REQUIRED", "the adopted child's birth date", "请填写被收养子女的出生日期"));
            }
        }
        if (e.kind() == Kind.CHILD_DISABILITY && (e.disabilityGrade() == null || e.disabilityGrade() < 1 || e.disabilityGrade() > 4)) {
            problems.add(new Problem("$.disabilityGrade", "INVALID_VALUE", "a grade from 1 to 4", "残疾等级须为1至4级"));
        }
        if (e.kind() == Kind.CERTIFICATE_REVOKED && h.certificate() == null) {
            problems.add(new Problem("$.kind", "INVALID_VALUE", "the household has no certificate to revoke", "该家庭没有独生子女证可撤销"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        LocalDate d = e.date();
        List<Child> children = new ArrayList<>(h.children());
        Person applicant = h.applicant();
        Person spouse = h.spouse();
        Certificate certificate = h.certificate();
        switch (e.kind()) {
            case DEATH -> {
                // not a fact of the rules: the deceased's payments end (see record)
            }
            case CHILD_DEATH, CHILD_DISABILITY -> {
                int i = Integer.parseInt(child.group(1));
                Child c = children.get(i);
                children.set(i, e.kind() == Kind.CHILD_DEATH
                        ? new Child(c.name(), c.sex(), c.birthDate(), c.birthOrder(), c.origin(), c.adoptionDate(), false, d,
                        c.disabilityGrade(), c.disabilityDate(), c.withinPolicy(), c.idNumber())
                        : new Child(c.name(), c.sex(), c.birthDate(), c.birthOrder(), c.origin(), c.adoptionDate(), c.alive(), c.deathDate(),
                        e.disabilityGrade(), d, c.withinPolicy(), c.idNumber()));
            }
            case BIRTH, ADOPTION -> children.add(new Child(e.childName().strip(), e.childSex(),
                    e.kind() == Kind.BIRTH ? d : e.childBirthDate(), children.size() + 1,
                    e.kind() == Kind.BIRTH ? ChildOrigin.BORN : ChildOrigin.ADOPTED, e.kind() == Kind.ADOPTION ? d : null, true, null,
                    null, null, null));
            case CERTIFICATE_REVOKED -> certificate = new Certificate(certificate.number(), certificate.issueDate(), true, d);
            case MOVED_OUT, PERMIT_EXPIRED -> {
                Person p = subject.equals("spouse") ? spouse : applicant;
                // the registration held until the event's day: the months before it are judged on it, the later ones without it
                Registration r = p.registration();
                Person moved = new Person(p.idNumber(), p.name(), p.sex(), p.birthDate(),
                        r == null ? new Registration(RegistrationType.NONE, null, null, d)
                                : new Registration(r.type(), r.district(), r.since(), d),
                        p.maritalStatus(), p.maritalStatusSince(), p.employment(), p.retirement(), p.measures());
                if (subject.equals("spouse")) {
                    spouse = moved;
                } else {
                    applicant = moved;
                }
            }
            default -> throw new IllegalStateException("unhandled " + e.kind());
        }
        return new Household(applicant, spouse, children, certificate, h.hardship(), h.planningPregnancy(), h.priorBenefits());
    }

    private String keyOf(Person person) {
        return person == null || person.idNumber() == null ? null : keys.of(person.idNumber());
    }
}
