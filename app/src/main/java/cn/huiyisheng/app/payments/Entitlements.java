package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.app.evaluation.HeldGrants;
import cn.huiyisheng.app.payments.persistence.EntitlementRow;
import cn.huiyisheng.app.payments.persistence.GrantRow;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRow;
import cn.huiyisheng.app.payments.persistence.RecurringEntitlementRow;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.ItemDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.RowRef;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.engine.VersionRef;
import cn.huiyisheng.rules.facts.Payer;
import cn.huiyisheng.rules.facts.Periodicity;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a claim's approval grants: an entitlement per eligible segment (recurring benefits) or item
 * (one-time benefits and services) of its sealed determination, each period granted to its persons
 * at most once across all claims ({@code benefit_grant}), and the payments it schedules. Works on
 * the determination's own types, in the caller's transaction (the grant step's).
 */
@Service
@Transactional
public class Entitlements {

    private final PaymentMapper mapper;
    private final Clock clock;
    private final Confirmations confirmations;

    private final cn.huiyisheng.app.payments.persistence.GrantRows grantRows;

    public Entitlements(PaymentMapper mapper, Clock clock, Confirmations confirmations,
                        cn.huiyisheng.app.payments.persistence.GrantRows grantRows) {
        this.grantRows = grantRows;
        this.mapper = mapper;
        this.clock = clock;
        this.confirmations = confirmations;
    }

    /**
     * What to grant from a sealed determination, and the keys of its parents (the persons grants
     * belong to). {@code through}: the last month paid now (later months are a run's to determine),
     * null for every month of the determination. {@code standing}: a claim's approval (its last
     * month and whether it is open-ended), whose recurring benefits that continue become standing
     * entitlements; null for a run's determination of standing entitlements ({@code windows}).
     */
    public record Grant(long claimId, long determinationId, EvaluationResponse result, String applicantKey, String spouseKey,
                       YearMonth through, Approval standing, Map<String, Window> windows) {

        /** A claim's approval: every period of its determination due by {@code through}; what continues stands. */
        public static Grant ofClaim(long claimId, long determinationId, EvaluationResponse result, String applicantKey, String spouseKey,
                                    YearMonth through, YearMonth claimedTo, boolean openEnded) {
            return new Grant(claimId, determinationId, result, applicantKey, spouseKey, through, new Approval(claimedTo, openEnded), null);
        }

        /**
         * A run's determination of the months come due for a claim's standing entitlements: only
         * their benefits and subjects, each within its window.
         */
        public static Grant ofRun(long claimId, long determinationId, EvaluationResponse result, String applicantKey, String spouseKey,
                                  List<Window> windows) {
            Map<String, Window> byKey = new LinkedHashMap<>();
            windows.forEach(w -> byKey.put(w.of().getBenefit() + "|" + w.of().getSubjectPath(), w));
            return new Grant(claimId, determinationId, result, applicantKey, spouseKey, null, null, byKey);
        }

        boolean run() {
            return windows != null;
        }
    }

    /** A standing entitlement's months a run pays: from {@code from} to {@code to}. */
    public record Window(RecurringEntitlementRow of, YearMonth from, YearMonth to) {
    }

    /** The claim's last month as determined, and whether it asked for no last month. */
    public record Approval(YearMonth claimedTo, boolean openEnded) {
    }

    /**
     * What was granted: the payments scheduled, and the periods left out because another claim holds
     * them already.
     */
    public record Granted(int paymentsScheduled, List<Held> heldByOthers, BigDecimal amountScheduled,
                          List<RecurringEntitlementRow> standing) {
    }

    /** A period not granted because another claim holds it for that person. */
    public record Held(String benefit, String subjectLabel, String period, String holder) {
        /** "benefit subject period (claim reference)", for the English record. */
        public String describe() {
            return benefit + " " + subjectLabel + " " + period + " (" + holder + ")";
        }
    }

    /** An entitlement as a claim's page shows it. */
    public record Summary(String benefit, String subjectLabel, String periodicity, String periodFrom, String periodTo,
                          BigDecimal amount, String payer, String versionId) {
    }

    /** A payment as a claim's page shows it (its reference is the bank file's). */
    public record Scheduled(String reference, String period, BigDecimal amount, String payer, String status) {
    }

    public Granted grant(Grant g) {
        String thisMonth = YearMonth.now(clock).toString();
        // what to grant, in the determination's order: each entitlement with its periods (each
        // granted to its persons, and paid unless it is a service)
        Map<EntitlementRow, List<Due>> grants = new LinkedHashMap<>();
        Map<String, RecurringEntitlementRow> standing = new LinkedHashMap<>();
        if (g.result().period() != null) {
            for (PeriodDetermination.BenefitPeriod b : g.result().period().benefits()) {
                boolean yearly = b.periodicity() == Periodicity.YEARLY;
                for (PeriodDetermination.SubjectPeriod s : b.subjects()) {
                    String path = s.path() == null ? "$" : s.path();
                    Window window = g.run() ? g.windows().get(b.benefit() + "|" + path) : null;
                    if (g.run() && window == null) {
                        continue;
                    }
                    YearMonth cap = window != null ? window.to() : g.through();
                    for (Segment seg : s.segments()) {
                        YearMonth to = cap != null && seg.to().isAfter(cap) ? cap : seg.to();
                        YearMonth from = window != null && seg.from().isBefore(window.from()) ? window.from() : seg.from();
                        if (!seg.eligible() || to.isBefore(from)) {
                            continue;
                        }
                        EntitlementRow e = entitlement(g, b.benefit(), s.path(), s.subject(), b.periodicity(), from, to,
                                seg.amount(), seg.payer(), seg.version(), seg.rows());
                        if (window != null) {
                            e.setRecurringId(window.of().getId());
                        }
                        List<Due> due = new ArrayList<>();
                        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(yearly ? 12 : 1)) {
                            due.add(new Due(HeldGrants.period(b.periodicity(), m), m.toString(), true));
                        }
                        grants.put(e, due);
                    }
                    RecurringEntitlementRow continues = g.standing() == null ? null : continuing(g, b, s, path);
                    if (continues != null) {
                        standing.put(b.benefit() + "|" + path, continues);
                    }
                }
            }
        }
        if (!standing.isEmpty()) {
            // before their segments, which name them (one statement; the ids come back)
            mapper.insertRecurring(new ArrayList<>(standing.values()));
            grants.keySet().forEach(e -> {
                RecurringEntitlementRow r = standing.get(e.getBenefit() + "|" + e.getSubjectPath());
                if (r != null) {
                    e.setRecurringId(r.getId());
                }
            });
        }
        for (BenefitDetermination b : g.result().determination().benefits()) {
            if (g.run() || b.periodicity() != Periodicity.ONE_TIME && b.periodicity() != Periodicity.SERVICE) {
                continue;
            }
            for (ItemDetermination item : b.items()) {
                if (!item.eligible()) {
                    continue;
                }
                LocalDate assessedOn = item.assessedOn();
                YearMonth month = YearMonth.from(assessedOn);
                EntitlementRow e = entitlement(g, b.benefit(), item.path(), item.subject(), b.periodicity(), month, month, item.amount(),
                        item.payer(), item.version(), item.rows());
                grants.put(e, new ArrayList<>(List.of(new Due(HeldGrants.item(b.periodicity(), assessedOn), thisMonth,
                        b.periodicity() == Periodicity.ONE_TIME))));
            }
        }
        // the grants first: a person is granted a benefit for a period at most once, across all
        // claims (a unique key); a claim that raced this one to the same person and period (both
        // determined before either was granted) keeps it, and this one is told which claim holds it
        Map<String, String> heldBy = recordGrants(g, grants);
        List<Held> held = new ArrayList<>();
        if (!heldBy.isEmpty()) {
            grants.forEach((e, due) -> due.removeIf(d -> {
                String holder = HeldGrants.persons(e.getSubjectPath(), g.applicantKey(), g.spouseKey()).stream()
                        .map(k -> heldBy.get(grantKey(e.getBenefit(), k, d.period()))).filter(Objects::nonNull).findFirst().orElse(null);
                if (holder != null) {
                    held.add(new Held(e.getBenefit(), e.getSubjectLabel(), d.period(), holder));
                }
                return holder != null;
            }));
            grants.values().removeIf(List::isEmpty);
        }
        // two statements whatever the number of rows: the entitlements (their ids come back), then their payments
        List<PaymentRow> scheduled = new ArrayList<>();
        if (!grants.isEmpty()) {
            grantRows.insertEntitlements(new ArrayList<>(grants.keySet())); // each gets its id, or it throws
            grants.forEach((e, due) -> due.stream().filter(Due::paid).forEach(d -> scheduled.add(payment(e, d.period(),
                    g.run() ? thisMonth : d.dueMonth()))));
        }
        if (!scheduled.isEmpty()) {
            grantRows.insertPayments(scheduled);
        }
        return new Granted(scheduled.size(), held, scheduled.stream().map(PaymentRow::getAmount)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add), new ArrayList<>(standing.values()));
    }

    /**
     * The standing entitlement a claim's approval leaves for a recurring benefit's subject, if it
     * continues: eligible in the last month determined, and either open-ended or claimed for months
     * after those paid now. Null when it ends with what is paid now.
     */
    private RecurringEntitlementRow continuing(Grant g, PeriodDetermination.BenefitPeriod b, PeriodDetermination.SubjectPeriod s,
                                               String path) {
        if (b.periodicity() != Periodicity.MONTHLY && b.periodicity() != Periodicity.YEARLY || s.segments().isEmpty()) {
            return null;
        }
        Segment last = s.segments().get(s.segments().size() - 1);
        YearMonth claimedTo = g.standing().claimedTo();
        YearMonth through = g.through() == null || claimedTo.isBefore(g.through()) ? claimedTo : g.through();
        if (!last.eligible() || !last.to().equals(claimedTo) || !g.standing().openEnded() && !claimedTo.isAfter(through)) {
            return null;
        }
        YearMonth start = s.segments().stream().filter(Segment::eligible).map(Segment::from).findFirst().orElseThrow();
        Instant now = clock.instant();
        RecurringEntitlementRow r = new RecurringEntitlementRow();
        r.setClaimId(g.claimId());
        r.setBenefit(b.benefit());
        r.setSubjectPath(path);
        r.setSubjectLabel(s.subject());
        r.setPeriodicity(b.periodicity().name());
        r.setStartPeriod(start.toString());
        r.setDeterminedThrough(through.toString());
        r.setUntilPeriod(g.standing().openEnded() ? null : claimedTo.toString());
        r.setStatus(RecurringEntitlements.ACTIVE);
        r.setConfirmationDue(confirmations.firstDue(b.benefit()));
        r.setAcceptedAmount(last.amount());
        r.setAcceptedVersion(last.version() == null ? null : last.version().id());
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        return r;
    }

    public List<Summary> ofClaim(long claimId) {
        return mapper.findEntitlements(claimId).stream().map(e -> new Summary(e.getBenefit(), e.getSubjectLabel(), e.getPeriodicity(),
                e.getPeriodFrom(), e.getPeriodTo(), e.getAmount(), e.getPayer(), e.getVersionId())).toList();
    }

    public List<Scheduled> paymentsOfClaim(long claimId) {
        return mapper.findPaymentsOfClaim(claimId).stream()
                .map(p -> new Scheduled(Payments.reference(p.getId()), p.getPeriod(), p.getAmount(), p.getPayer(), p.getStatus())).toList();
    }

    private static String grantKey(String benefit, String personKey, String period) {
        return benefit + "|" + personKey + "|" + period;
    }

    /**
     * Inserts the grant rows of every period to be granted, in one statement (in key order, so two
     * claims racing lock in the same order). When another claim holds some of them already, those
     * are found, left out and the rest inserted; returns what is held, grant key to claim reference.
     */
    private Map<String, String> recordGrants(Grant g, Map<EntitlementRow, List<Due>> grants) {
        TreeMap<String, GrantRow> rows = new TreeMap<>();
        Instant now = clock.instant();
        grants.forEach((e, due) -> {
            for (String person : HeldGrants.persons(e.getSubjectPath(), g.applicantKey(), g.spouseKey())) {
                for (Due d : due) {
                    rows.putIfAbsent(grantKey(e.getBenefit(), person, d.period()), new GrantRow(person, e.getBenefit(), d.period(),
                            g.claimId(), now));
                }
            }
        });
        Map<String, String> heldBy = new LinkedHashMap<>();
        for (int attempt = 1; !rows.isEmpty(); attempt++) {
            try {
                grantRows.insert(new ArrayList<>(rows.values()));
                return heldBy;
            } catch (DuplicateKeyException taken) {
                if (attempt == 3) {
                    throw taken;
                }
                List<String> persons = rows.values().stream().map(GrantRow::personKey).distinct().toList();
                List<String> benefits = rows.values().stream().map(GrantRow::benefit).distinct().toList();
                for (HeldGrants.Held h : mapper.findHeld(persons, benefits, g.claimId(), null, null, null, null)) {
                    String key = grantKey(h.benefit(), h.personKey(), h.period());
                    if (rows.remove(key) != null) {
                        heldBy.put(key, h.claimReference());
                    }
                }
            }
        }
        return heldBy;
    }

    private EntitlementRow entitlement(Grant g, String benefit, String path, String subject, Periodicity periodicity, YearMonth from,
                                       YearMonth to, BigDecimal amount, Payer payer, VersionRef version, List<RowRef> rows) {
        EntitlementRow e = new EntitlementRow();
        e.setClaimId(g.claimId());
        e.setDeterminationId(g.determinationId());
        e.setBenefit(benefit);
        e.setSubjectPath(path == null ? "$" : path);
        e.setSubjectLabel(subject);
        e.setPeriodicity(periodicity.name());
        e.setPeriodFrom(from.toString());
        e.setPeriodTo(to.toString());
        e.setAmount(amount);
        e.setPayer(payer == null ? null : payer.name());
        if (version != null) {
            e.setVersionId(version.id());
            e.setVersionSha256(version.sha256());
        }
        if (rows != null && !rows.isEmpty()) {
            e.setRowId(rows.get(0).rowId());
        }
        e.setCreatedAt(clock.instant());
        return e;
    }

    /**
     * A period an entitlement grants: a month, a year or a one-time event ({@link HeldGrants}), the
     * month it falls due, and whether it is paid (a service is granted, not paid).
     */
    private record Due(String period, String dueMonth, boolean paid) {
    }

    private static PaymentRow payment(EntitlementRow e, String period, String dueMonth) {
        PaymentRow p = new PaymentRow();
        p.setEntitlementId(e.getId());
        p.setPeriod(period);
        p.setDueMonth(dueMonth);
        p.setAmount(e.getAmount());
        p.setPayer(e.getPayer());
        p.setStatus("SCHEDULED");
        p.setAttempts(0);
        return p;
    }
}
