package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.evaluation.EvaluationRequest;
import cn.huiyisheng.app.evaluation.EvaluationService;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.identity.Role;
import cn.huiyisheng.app.payments.Entitlements;
import cn.huiyisheng.app.payments.Confirmations;
import cn.huiyisheng.app.payments.LifeEvents;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.app.web.Forbidden;
import cn.huiyisheng.processes.claim.ClaimProcess;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What applicants and staff do with claims: submit, read, answer a request for information, appeal. */
@Service
public class Claims {

    private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{12,30}");
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final char[] REF_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final Set<Role> STAFF = Set.of(Role.REVIEWER, Role.SUPERVISOR, Role.PAYMENT_OFFICER, Role.AUDITOR, Role.ADMIN);

    private final ClaimMapper claims;
    private final EvaluationService evaluations;
    private final SealedDeterminations determinations;
    private final Entitlements entitlements;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final PersonKeys keys;
    private final ClaimParties parties;
    private final SecurityTrail trail;
    private final LifeEvents lifeEvents;
    private final Confirmations confirmations;
    private final cn.huiyisheng.app.payments.RecurringEntitlements recurring;
    private final cn.huiyisheng.app.payments.Corrections corrections;
    private final ClaimEvaluation evaluation;
    private final SecureRandom random = new SecureRandom();

    public Claims(ClaimMapper claims, EvaluationService evaluations, SealedDeterminations determinations, Entitlements entitlements,
                  RuntimeService runtime, AuditLog audit, ObjectMapper json, Clock clock, PersonKeys keys, ClaimParties parties,
                  SecurityTrail trail, LifeEvents lifeEvents, Confirmations confirmations,
                  cn.huiyisheng.app.payments.RecurringEntitlements recurring, cn.huiyisheng.app.payments.Corrections corrections,
                  ClaimEvaluation evaluation) {
        this.evaluation = evaluation;
        this.recurring = recurring;
        this.corrections = corrections;
        this.lifeEvents = lifeEvents;
        this.confirmations = confirmations;
        this.claims = claims;
        this.evaluations = evaluations;
        this.determinations = determinations;
        this.entitlements = entitlements;
        this.runtime = runtime;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.keys = keys;
        this.parties = parties;
        this.trail = trail;
    }

    /** The claim and whether this call created it (false: the same request was submitted before under that key). */
    public record Submitted(ClaimRow claim, boolean created) {

        /** The claim's reference (受理编号). */
        public String reference() {
            return claim.getReference();
        }

    }

    /**
     * Submits a claim and starts its process, in one transaction. A retried submit with the same
     * idempotency key and the same content returns the claim made the first time.
     */
    @Transactional
    public Submitted submit(CurrentUser user, String idempotencyKey, ClaimSubmission submission, byte[] rawBody) {
        String username = user.username();
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new BadInput("Idempotency-Key", "REQUIRED",
                    "an Idempotency-Key header of 8 to 100 letters, digits or . _ : - is required (a new one per claim)",
                    "需要Idempotency-Key请求头（每个申请一个新值）");
        }
        String requestSha = TableCompiler.sha256(rawBody);
        // "from when": without a last month (or without a period at all, from this month) the claim is
        // for as long as the conditions hold; its determination covers the months up to this one
        YearMonth thisMonth = YearMonth.now(clock);
        boolean openEnded = submission.period() == null || submission.period().to() == null;
        YearMonth from = submission.period() != null && submission.period().from() != null ? submission.period().from() : thisMonth;
        YearMonth to = !openEnded ? submission.period().to() : from.isAfter(thisMonth) ? from : thisMonth;
        validate(submission, user, openEnded && submission.period() != null ? new EvaluationRequest.Span(submission.period().from(), to)
                : submission.period());
        ClaimRow row = new ClaimRow();
        row.setReference(newReference());
        row.setApplicantUsername(username);
        row.setIdempotencyKey(idempotencyKey);
        row.setRequestSha256(requestSha);
        row.setStatus(ClaimStatus.SUBMITTED.name());
        row.setHouseholdJson(write(submission.household()));
        row.searchableFrom(submission.household());
        row.setApplicantKey(parties.householdKey(submission.household()));
        row.setBenefits(submission.benefits() == null ? "" : String.join(",", submission.benefits()));
        row.setPeriodFrom(from.toString());
        row.setPeriodTo(to.toString());
        row.setOpenEnded(openEnded);
        row.setBankAccount(submission.bankAccount());
        row.setBankName(submission.bankName());
        row.setSubmittedAt(clock.instant());
        // evaluated as submitted: the claim is recorded with its determination, status and total, and the applicant
        // sees at once what the rules give; the process's evaluation step then only routes it (and evaluates
        // again when the facts change). An engine that fails here leaves that to the step, with its retries and
        // incident: the claim is still recorded, as submitted
        List<String> benefits = row.getBenefits().isEmpty() ? List.of() : Arrays.asList(row.getBenefits().split(","));
        ClaimEvaluation.Outcome outcome = null;
        try {
            // the facts as the claim records them, read back (defaults filled in): what the step would evaluate, and
            // what the determination seals
            Household recorded = json.readValue(row.getHouseholdJson(), Household.class);
            outcome = evaluation.evaluate(0L, recorded, submission.bankAccount(), benefits, from, to);
            row.setStatus(outcome.status().name());
            row.setAmountTotal(outcome.total());
        } catch (RuntimeException | JsonProcessingException e) {
            org.slf4j.LoggerFactory.getLogger(Claims.class).warn("claim {} not evaluated as submitted (the process's step will): {}",
                    row.getReference(), e.toString());
        }
        // the unique key (applicant, idempotency key) decides: a retry, or a race between two submits
        // with one key, finds the claim made first and starts nothing
        for (int attempt = 1; ; attempt++) {
            try {
                claims.insert(row);
                break;
            } catch (DuplicateKeyException duplicate) {
                ClaimRow first = claims.findByIdempotencyKey(username, idempotencyKey);
                if (first != null) {
                    return same(first, requestSha);
                }
                if (attempt == 3) {
                    throw duplicate;
                }
                row.setReference(newReference()); // the random reference was taken: draw another
            }
        }
        parties.record(row.getId(), submission.household());
        Map<String, Object> routing = new HashMap<>();
        if (outcome != null) {
            SealedDeterminations.Sealed sealed = determinations.seal(row.getId(), outcome.evaluated());
            audit.claim(row.getId(), AuditLog.SYSTEM, "EVALUATED", ClaimEvaluation.eventDetail(outcome),
                    ClaimEvaluation.eventParams(outcome, sealed.row().getId()));
            // what the evaluation step would set: with these, it has nothing to evaluate
            routing.put(ClaimProcess.ANY_ELIGIBLE, outcome.anyEligible());
            routing.put(ClaimProcess.SECOND_APPROVAL_NEEDED, outcome.secondApprovalNeeded());
        }
        // the reference is the process's business key: the link from a claim to its process instance
        runtime.startProcessInstanceByKey(ClaimProcess.PROCESS_ID, row.getReference(), routing);
        // the claim row is the record of its submission (who, when, what): no audit event repeats it
        return new Submitted(row, true);
    }

    private static Submitted same(ClaimRow existing, String requestSha) {
        if (!existing.getRequestSha256().equals(requestSha)) {
            throw new Conflict("IDEMPOTENCY_KEY_REUSED", "this Idempotency-Key was used for a different claim ("
                    + existing.getReference() + "); use a new key for a new claim");
        }
        return new Submitted(existing, false);
    }

    private void validate(ClaimSubmission s, CurrentUser user, EvaluationRequest.Span period) {
        List<Problem> problems = new ArrayList<>();
        EvaluationRequest asEvaluation = new EvaluationRequest(s.household(), null, period, s.benefits(), null);
        problems.addAll(evaluations.validate(asEvaluation));
        problems.addAll(applicantIsAccountHolder(s.household(), user));
        if (s.bankAccount() == null || !BANK_ACCOUNT.matcher(s.bankAccount()).matches()) {
            problems.add(new Problem("$.bankAccount", s.bankAccount() == null ? "REQUIRED" : "INVALID_VALUE",
                    "a bank account number of 12 to 30 digits is required", "银行账号须为12至30位数字"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
    }

    /**
     * A claim is made by the person it is for: its applicant must be the account's verified person
     * (a spouse is entered as the spouse). Never a silent acceptance of someone else's household.
     */
    private List<Problem> applicantIsAccountHolder(Household h, CurrentUser user) {
        if (h == null || h.applicant() == null || h.applicant().idNumber() == null || h.applicant().idNumber().isBlank()) {
            return List.of(); // the household's own validation reports what is missing
        }
        if (user.personKey() == null) {
            return List.of(new Problem("$.household.applicant", "NO_VERIFIED_PERSON",
                    "your account belongs to no verified person; register as an applicant to claim",
                    "您的账号未绑定经实名核验的本人信息，请先注册申请人账号"));
        }
        List<Problem> problems = new ArrayList<>();
        if (!keys.of(h.applicant().idNumber()).equals(user.personKey())) {
            problems.add(new Problem("$.household.applicant.idNumber", "APPLICANT_NOT_ACCOUNT_HOLDER",
                    "the applicant must be you, the account holder: a claim is made by the person it is for (enter your spouse as spouse)",
                    "申请人须为账号本人：请以本人身份申请（配偶请填写在配偶一栏）"));
        } else if (user.personName() != null && h.applicant().name() != null && !user.personName().equals(h.applicant().name().strip())) {
            problems.add(new Problem("$.household.applicant.name", "APPLICANT_NAME_MISMATCH",
                    "the applicant's name differs from the name verified for your account",
                    "申请人姓名与账号实名核验的姓名不一致"));
        }
        return problems;
    }

    private String newReference() {
        StringBuilder b = new StringBuilder("HYS-").append(LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE)).append('-');
        for (int i = 0; i < 6; i++) {
            b.append(REF_CHARS[random.nextInt(REF_CHARS.length)]);
        }
        return b.toString();
    }

    /**
     * A claim that the user may see: their own, or any for staff. Others get 404, not 403: no
     * probing; an attempt on a claim that exists is recorded in the security trail.
     */
    public ClaimRow visible(String reference, String username, Set<Role> roles) {
        ClaimRow claim = claims.findByReference(reference);
        boolean staff = roles.stream().anyMatch(STAFF::contains);
        if (claim == null || !staff && !claim.getApplicantUsername().equals(username)) {
            if (claim != null) {
                trail.refused(username, "claim " + reference, "not the applicant's own claim");
            }
            throw new ApiErrors.NotFound("no claim " + reference + " of yours");
        }
        return claim;
    }

    /** A claim as the user may read it; a staff member's read of its household facts is recorded. */
    public ClaimView read(String reference, CurrentUser user) {
        ClaimRow claim = visible(reference, user.username(), user.roles());
        recordStaffRead(claim, user.username());
        return view(claim, !claim.getApplicantUsername().equals(user.username()));
    }

    /** Records that someone other than the applicant read a claim's household facts. */
    /** The claim as staff see it, the read recorded in the security trail; empty when there is no such claim. */
    public java.util.Optional<ClaimView> staffRead(String reference, String username) {
        ClaimRow claim = reference == null ? null : claims.findByReference(reference);
        if (claim == null) {
            return java.util.Optional.empty();
        }
        recordStaffRead(claim, username);
        return java.util.Optional.of(staffView(claim));
    }

    /** The claim of a sealed record as an auditor reads it (its timeline, its household masked), the read recorded; null when it is gone. */
    public ClaimView readByIdForAudit(long claimId, CurrentUser auditor) {
        if (!auditor.has(Role.AUDITOR)) {
            throw new Forbidden("NOT_AUDITOR", "only auditors read a claim by its record");
        }
        ClaimRow claim = claims.find(claimId);
        if (claim == null) {
            return null;
        }
        recordStaffRead(claim, auditor.username());
        return staffView(claim);
    }

    public void recordStaffRead(ClaimRow claim, String username) {
        if (!claim.getApplicantUsername().equals(username)) {
            trail.record(username, SecurityTrail.Type.READ_HOUSEHOLD, "OK", "claim " + claim.getReference(), "household facts");
        }
    }

    public List<ClaimRow> mine(String username) {
        return claims.findByApplicant(username);
    }

    /** A claim in its applicant's list: reference, status, benefits, when submitted. */
    public record Summary(String reference, String status, List<String> benefits, java.time.Instant submittedAt) {
    }

    /** The applicant's own claims, the newest first, for the portal. */
    public List<Summary> mineSummaries(String username) {
        return mine(username).stream().map(c -> new Summary(c.getReference(), c.getStatus(), c.getBenefits() == null ? List.of()
                : List.of(c.getBenefits().split(",")), c.getSubmittedAt()))
                .sorted(java.util.Comparator.comparing(Summary::submittedAt, java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
                .toList();
    }

    /** The applicant's own claim as they see it; another's is "not found" (and the attempt is in the security trail). */
    public ClaimView readOwn(String reference, String username) {
        return view(visible(reference, username, Set.of()));
    }

    /** A document given with a claim: its checklist item, name, type (checked by content), content and SHA-256. */
    public record Document(String kind, String filename, String contentType, byte[] content, String sha256) {
    }

    /** The documents the applicant gave with their own claim, kept with it (never served inline). */
    @Transactional
    public void attachDocuments(String reference, String username, List<Document> documents) {
        ClaimRow claim = visible(reference, username, Set.of());
        for (Document d : documents) {
            claims.insertDocument(claim.getId(), d.kind(), d.filename(), d.contentType(), d.content().length, d.sha256(), d.content(),
                    username, clock.instant());
        }
        if (!documents.isEmpty()) {
            audit.claim(claim.getId(), username, "DOCUMENTS_ADDED", documents.size() + " document(s): "
                            + String.join(", ", documents.stream().map(Document::kind).toList()),
                    List.of(Integer.toString(documents.size()), String.join(",", documents.stream().map(Document::kind).toList())));
        }
    }

    /** The applicant answers a request for information on their own claim, with a note and the documents asked for. */
    @Transactional
    public void answerOwn(String reference, CurrentUser user, String note, List<Document> documents) {
        answerOwn(reference, user, note, documents, null);
    }

    /**
     * The applicant answers a request for information on their own claim with corrected household
     * facts (or null for none): checked as a submitted household is, nothing kept when a fact is
     * wrong; the process then evaluates the claim again on them.
     */
    @Transactional
    public void answerOwn(String reference, CurrentUser user, String note, List<Document> documents, Household corrected) {
        answer(visible(reference, user.username(), Set.of()), user, corrected, note);
        attachDocuments(reference, user.username(), documents);
    }

    /** The household facts of the applicant's own claim as they stand (their own: not masked, not a staff read). */
    public Household householdOwn(String reference, String username) {
        return read(visible(reference, username, Set.of()).getHouseholdJson());
    }

    /** The applicant reports a change of their own approved claim's household, for a reviewer (nothing changes by itself). */
    @Transactional
    public LifeEvents.Report reportChange(String reference, String username, LifeEvents.Kind kind, LocalDate date, String note) {
        ClaimRow claim = visible(reference, username, Set.of());
        if (!ClaimStatus.APPROVED.name().equals(claim.getStatus())) {
            throw new Conflict("NOT_APPROVED", "claim " + reference + " is " + claim.getStatus() + ": changes are reported on an approved claim");
        }
        return lifeEvents.report(claim.getId(), username, kind, date, note);
    }

    /** The changes reported on the applicant's own claim. */
    public List<LifeEvents.Report> changeReportsOwn(String reference, String username) {
        return lifeEvents.reportsOfClaim(visible(reference, username, Set.of()).getId());
    }

    /** The applicant appeals a refusal of their own claim. */
    public void appealOwn(String reference, String username, String reason) {
        appeal(visible(reference, username, Set.of()), username, reason);
    }

    /** The claim as its applicant sees it: without the reviewer's risk signals, which name other people's claims. */
    public ClaimView view(ClaimRow c) {
        return view(c, false);
    }

    /** The claim as staff see it, risk signals included. */
    public ClaimView staffView(ClaimRow c) {
        return view(c, true);
    }

    private ClaimView view(ClaimRow c, boolean withSignals) {
        var latest = determinations.latest(c.getId());
        List<ClaimView.Entitlement> entitlements = this.entitlements.ofClaim(c.getId()).stream()
                .map(e -> new ClaimView.Entitlement(e.benefit(), e.subjectLabel(), e.periodicity(), e.periodFrom(),
                        e.periodTo(), e.amount(), e.payer(), e.versionId())).toList();
        List<ClaimView.Payment> paid = this.entitlements.paymentsOfClaim(c.getId()).stream()
                .map(p -> new ClaimView.Payment(p.reference(), p.period(), p.amount(), p.payer(), p.status())).toList();
        List<ClaimView.Event> timeline = new ArrayList<>();
        timeline.add(submittedEvent(c));
        audit.ofClaim(c.getId()).forEach(e -> timeline.add(new ClaimView.Event(e.getAt(), e.getActor(), e.getType(), e.getDetail(),
                AuditLog.params(e))));
        return new ClaimView(c.getReference(), c.getStatus(), c.getApplicantUsername(),
                c.getBenefits().isEmpty() ? List.of() : Arrays.asList(c.getBenefits().split(",")), c.getPeriodFrom(), c.getPeriodTo(),
                maskAccount(c.getBankAccount()), c.getSubmittedAt(), c.getDecidedAt(), c.getAmountTotal(), c.getReviewer(),
                c.getSecondApprover(), c.getDecisionReason(), latest.map(determinations::result).map(r -> {
                    if (!withSignals && r instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                        o.remove("signals");
                    }
                    return r;
                }).orElse(null),
                entitlements, paid, timeline, household(c),
                recurring.standingOfClaim(c.getId()), corrections.adjustmentsOfClaim(c.getId()), documents(c.getId()));
    }

    private List<ClaimView.DocumentInfo> documents(long claimId) {
        return claims.documentsOf(claimId).stream().map(d -> new ClaimView.DocumentInfo(d.getId(), d.getKind(), d.getFilename(),
                d.getContentType(), d.getSizeBytes(), d.getSha256(), d.getUploadedAt())).toList();
    }

    /** A document's content, for whom may read the claim: the applicant, or staff (whose read is in the security trail). */
    public record DocumentContent(String filename, String contentType, byte[] content) {
    }

    public DocumentContent document(String reference, long documentId, CurrentUser user) {
        ClaimRow claim = visible(reference, user.username(), user.roles());
        cn.huiyisheng.app.claims.persistence.ClaimDocumentRow d = claims.documentContent(claim.getId(), documentId);
        if (d == null) {
            throw new ApiErrors.NotFound("no document " + documentId + " of claim " + reference);
        }
        if (!claim.getApplicantUsername().equals(user.username())) {
            trail.record(user.username(), SecurityTrail.Type.READ_HOUSEHOLD, "OK", "claim " + reference, "document " + documentId);
        }
        return new DocumentContent(d.getFilename(), d.getContentType(), d.getContent());
    }

    /** The household of the claim, masked (the claim's facts as submitted or last answered). */
    private ClaimView.HouseholdView household(ClaimRow c) {
        Household h = read(c.getHouseholdJson());
        if (h == null) {
            return null;
        }
        LocalDate today = LocalDate.now(clock);
        List<ClaimView.Member> members = new ArrayList<>();
        member("APPLICANT", 0, h.applicant(), today, members);
        member("SPOUSE", 0, h.spouse(), today, members);
        for (int i = 0; i < h.children().size(); i++) {
            cn.huiyisheng.rules.household.Child k = h.children().get(i);
            LocalDate until = k.isAlive() || k.deathDate() == null ? today : k.deathDate();
            members.add(new ClaimView.Member("CHILD", i + 1, FORMATS.maskName(k.name()), k.idNumber() == null ? null : FORMATS.maskId(k.idNumber()),
                    k.sex(), k.birthDate() == null ? null : cn.huiyisheng.rules.engine.Ages.age(k.birthDate(), until), null, null, null,
                    k.isAlive(), k.deathDate()));
        }
        var cert = h.certificate();
        return new ClaimView.HouseholdView(members, cert == null ? null : cert.number(), cert == null ? null : cert.issueDate(),
                cert != null && Boolean.TRUE.equals(cert.revoked()));
    }

    private static final cn.huiyisheng.app.web.Formats FORMATS = new cn.huiyisheng.app.web.Formats();

    private static void member(String role, int index, cn.huiyisheng.rules.household.Person p, LocalDate today, List<ClaimView.Member> members) {
        if (p == null) {
            return;
        }
        members.add(new ClaimView.Member(role, index, FORMATS.maskName(p.name()), FORMATS.maskId(p.idNumber()), p.sex(),
                p.birthDate() == null ? null : cn.huiyisheng.rules.engine.Ages.age(p.birthDate(), today), p.registrationType(),
                p.registration() == null ? null : p.registration().district(), p.employerType(), null, null));
    }

    private Household read(String householdJson) {
        try {
            return householdJson == null ? null : json.readValue(householdJson, Household.class);
        } catch (JsonProcessingException e) {
            return null; // a household that cannot be read is shown as missing, not as an error page
        }
    }

    /**
     * The view of a claim submitted in this request: its status and total as evaluated with it; its
     * determination and timeline are read with the claim (no entitlement or payment yet).
     */
    public ClaimView viewOfNew(ClaimRow c) {
        return new ClaimView(c.getReference(), c.getStatus(), c.getApplicantUsername(),
                c.getBenefits().isEmpty() ? List.of() : Arrays.asList(c.getBenefits().split(",")), c.getPeriodFrom(), c.getPeriodTo(),
                maskAccount(c.getBankAccount()), c.getSubmittedAt(), null, null, null, null, null, null, List.of(), List.of(),
                List.of(submittedEvent(c)), household(c), List.of(), List.of(), List.of());
    }

    /** The first event of every claim, from its row. */
    private static ClaimView.Event submittedEvent(ClaimRow c) {
        if (c.isOpenEnded()) {
            return new ClaimView.Event(c.getSubmittedAt(), c.getApplicantUsername(), "SUBMITTED",
                    "benefits " + (c.getBenefits().isEmpty() ? "all" : c.getBenefits()) + ", from " + c.getPeriodFrom()
                            + " for as long as the conditions hold (determined through " + c.getPeriodTo() + ")",
                    List.of(c.getBenefits(), c.getPeriodFrom(), c.getPeriodTo(), "OPEN"));
        }
        return new ClaimView.Event(c.getSubmittedAt(), c.getApplicantUsername(), "SUBMITTED",
                "benefits " + (c.getBenefits().isEmpty() ? "all" : c.getBenefits()) + ", period " + c.getPeriodFrom() + " to " + c.getPeriodTo(),
                List.of(c.getBenefits(), c.getPeriodFrom(), c.getPeriodTo()));
    }

    public static String maskAccount(String account) {
        return account == null || account.length() < 8 ? "****" : account.substring(0, 4) + "*".repeat(account.length() - 8)
                + account.substring(account.length() - 4);
    }

    /** The applicant answers a request for information, optionally with corrected household facts. */
    @Transactional
    public void answer(ClaimRow claim, CurrentUser user, Household corrected, String note) {
        String username = user.username();
        if (!claim.getApplicantUsername().equals(username)) {
            throw new Forbidden("NOT_YOUR_CLAIM", "only the applicant can answer");
        }
        if (!ClaimStatus.INFO_REQUESTED.name().equals(claim.getStatus())) {
            throw new Conflict("NO_OPEN_REQUEST", "claim " + claim.getReference() + " has no open request for information (status "
                    + claim.getStatus() + ")");
        }
        if (corrected != null) {
            List<Problem> problems = new ArrayList<>(evaluations.validate(new EvaluationRequest(corrected, null, null, null, null)));
            problems.addAll(applicantIsAccountHolder(corrected, user));
            if (!problems.isEmpty()) {
                throw new BadInput(problems);
            }
            String before = claim.getHouseholdJson();
            claim.setHouseholdJson(write(corrected));
            recordCorrection(claim, username, before, claim.getHouseholdJson());
            claim.searchableFrom(corrected);
            claim.setApplicantKey(parties.householdKey(corrected));
            claims.setHousehold(claim);
            parties.replace(claim.getId(), corrected);
        }
        claims.setStatus(claim.getId(), ClaimStatus.INFO_PROVIDED.name());
        audit.claim(claim.getId(), username, "INFO_PROVIDED", note == null ? null : note.strip());
        // the model clears the claim's eligibility as the message arrives: the evaluation step evaluates the facts again
        runtime.createMessageCorrelation(ClaimProcess.MESSAGE_INFORMATION_PROVIDED)
                .processInstanceBusinessKey(claim.getReference()).correlate();
    }

    /**
     * What the applicant corrected, for the reviewer: each changed fact at its JSON pointer with its
     * old and new value (names, ID numbers and accounts by their pointer only: personal data).
     */
    private void recordCorrection(ClaimRow claim, String username, String before, String after) {
        List<cn.huiyisheng.rules.replay.JsonDiff.Op> ops;
        try {
            ops = cn.huiyisheng.rules.replay.JsonDiff.diff(json.readTree(before == null ? "null" : before), json.readTree(after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a claim's household could not be read", e);
        }
        List<String> changes = ops.stream().map(o -> o.path().matches(".*/(name|idNumber|bankAccount)$") ? o.path() : o.describe()).toList();
        String text = String.join("; ", changes);
        text = text.length() > 900 ? text.substring(0, 899) + "…" : text; // the event's columns are bounded
        audit.claim(claim.getId(), username, "FACTS_CORRECTED", ops.size() + " fact(s) corrected: " + text,
                List.of(Integer.toString(ops.size()), text));
    }

    /**
     * A reviewer or supervisor records a life event of an approved claim's household (issue 10 §4):
     * never of their own household; what it changes is determined at once (see {@link LifeEvents}).
     */
    @Transactional
    public LifeEvents.Recorded recordLifeEvent(String reference, CurrentUser staff, LifeEvents.Event event) {
        ClaimRow claim = approvedForStaff(reference, staff, "life event");
        return lifeEvents.record(claim.getId(), reference, event, staff);
    }

    /** A reviewer or supervisor records the household's yearly confirmation (issue 10 §5); never of their own household. */
    @Transactional
    public Confirmations.Confirmed confirm(String reference, CurrentUser staff, String how) {
        ClaimRow claim = approvedForStaff(reference, staff, "yearly confirmation");
        return confirmations.confirm(claim.getId(), reference, how, staff);
    }

    /** The approved claim a reviewer or supervisor acts on after its approval: refused (and recorded) for anyone else. */
    private ClaimRow approvedForStaff(String reference, CurrentUser staff, String action) {
        if (!staff.has(Role.REVIEWER) && !staff.has(Role.SUPERVISOR)) {
            Forbidden refused = new Forbidden("NOT_STAFF", "only reviewers and supervisors record a " + action);
            trail.refused(staff.username(), "claim " + reference + " " + action, refused.code());
            throw refused;
        }
        ClaimRow claim = claims.findByReference(reference);
        if (claim == null) {
            throw new ApiErrors.NotFound("no claim " + reference);
        }
        if (staff.personKey() != null && claims.isParty(reference, staff.personKey())) {
            cn.huiyisheng.processes.claim.DecisionRefused refused = ClaimWorkflow.conflictOfInterest(staff);
            trail.refused(staff.username(), "claim " + reference + " " + action, refused.code());
            throw refused;
        }
        if (!ClaimStatus.APPROVED.name().equals(claim.getStatus())) {
            throw new Conflict("NOT_APPROVED", "claim " + reference + " is " + claim.getStatus()
                    + ": a " + action + " concerns the entitlements of an approved claim");
        }
        return claim;
    }

    /** The applicant appeals a refusal within the appeal window. */
    @Transactional
    public void appeal(ClaimRow claim, String username, String reason) {
        if (!claim.getApplicantUsername().equals(username)) {
            throw new Forbidden("NOT_YOUR_CLAIM", "only the applicant can appeal");
        }
        if (!ClaimStatus.REFUSED.name().equals(claim.getStatus())) {
            throw new Conflict("NOT_APPEALABLE", "claim " + claim.getReference() + " is " + claim.getStatus()
                    + ": only a refused claim can be appealed, within its appeal window");
        }
        if (reason == null || reason.isBlank()) {
            throw new BadInput("$.reason", "REQUIRED", "say why you appeal", "请填写申诉理由");
        }
        claims.setStatus(claim.getId(), ClaimStatus.APPEALED.name());
        audit.claim(claim.getId(), username, "APPEALED", reason.strip());
        runtime.createMessageCorrelation(ClaimProcess.MESSAGE_APPEAL).processInstanceBusinessKey(claim.getReference()).correlate();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
