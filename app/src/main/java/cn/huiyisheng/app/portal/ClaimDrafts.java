package cn.huiyisheng.app.portal;

import cn.huiyisheng.app.claims.ClaimSubmission;
import cn.huiyisheng.app.claims.Claims;
import cn.huiyisheng.app.claims.DocumentKind;
import cn.huiyisheng.app.claims.District;
import cn.huiyisheng.app.evaluation.EvaluationRequest;
import cn.huiyisheng.app.evaluation.EvaluationService;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.app.portal.persistence.DraftDocumentRow;
import cn.huiyisheng.app.portal.persistence.DraftMapper;
import cn.huiyisheng.app.portal.persistence.DraftRow;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.ResidentId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A claim as its applicant builds it in the portal (issue 11 §2): a draft saved at every step and
 * resumable, in sections (the benefits and from when, who the household are, documents, the bank
 * account), then checked and declared (告知承诺) and submitted once, as the API submits a claim (the
 * draft's id is its idempotency key: a retry finds the claim made). The household's facts come from
 * the calculator's answers; names and ID numbers are added here, the applicant's from their
 * verified account. Every problem is reported by field, and a bad step changes nothing.
 */
@Service
@Transactional
public class ClaimDrafts {

    private static final Pattern BANK_ACCOUNT = Pattern.compile("\\d{12,30}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    /** The documents each benefit asks for (a death certificate or a disability certificate as the child's state is). */
    static List<DocumentKind> checklist(TableCode benefit) {
        return switch (benefit) {
            case SPECIAL_SUPPORT -> List.of(DocumentKind.HOUSEHOLD_REGISTER, DocumentKind.MARRIAGE_CERTIFICATE, DocumentKind.DEATH_CERTIFICATE);
            case ONE_CHILD_HEALTH_FEE, RETIRED_PARENT_ALLOWANCE -> List.of(DocumentKind.HOUSEHOLD_REGISTER, DocumentKind.HONOR_CERTIFICATE);
            case RETIREMENT_ONE_CHILD_REWARD -> List.of(DocumentKind.HONOR_CERTIFICATE, DocumentKind.RETIREMENT_PROOF);
            case CHILDLESS_RETIREE_SUBSIDY -> List.of(DocumentKind.HOUSEHOLD_REGISTER, DocumentKind.RETIREMENT_PROOF);
            case REWARD_SUPPORT, ELDER_HEALTH_CHECK -> List.of(DocumentKind.HOUSEHOLD_REGISTER);
            case LONG_ACTING_CONTRACEPTION_SUBSIDY, REMEDIAL_MEASURE_SUBSIDY -> List.of(DocumentKind.MEDICAL_PROOF);
            case HARDSHIP_FAMILY_SUPPORT -> List.of(DocumentKind.HOUSEHOLD_REGISTER, DocumentKind.HARDSHIP_PROOF);
            case MIGRANT_REPRODUCTIVE_HEALTH -> List.of(DocumentKind.RESIDENCE_PERMIT);
            default -> List.of();
        };
    }

    private final DraftMapper drafts;
    private final Claims claims;
    private final Users users;
    private final EvaluationService evaluations;
    private final ObjectMapper json;
    private final Clock clock;

    public ClaimDrafts(DraftMapper drafts, Claims claims, Users users, EvaluationService evaluations, ObjectMapper json, Clock clock) {
        this.drafts = drafts;
        this.claims = claims;
        this.users = users;
        this.evaluations = evaluations;
        this.json = json;
        this.clock = clock;
    }

    /** A document as the draft lists it (no content). */
    public record Document(long id, String kind, String filename, String contentType, long size, String sha256) {
    }

    /**
     * A draft as its pages show it: each section done or not, the checklist of documents the chosen
     * benefits ask for with what has been given, and the household as it stands.
     */
    public record Draft(long id, String status, List<String> benefits, String periodFrom, Household household, String bankAccountMasked,
                        String bankName, boolean benefitsDone, boolean householdDone, boolean documentsDone, boolean bankDone,
                        List<DocumentKind> checklist, List<Document> documents, String claimReference) {

        public boolean ready() {
            return benefitsDone && householdDone && bankDone;
        }

        public boolean given(DocumentKind kind) {
            return documents.stream().anyMatch(d -> d.kind().equals(kind.name()));
        }
    }

    /** Why a benefit is not offered again: the applicant receives it already, or has a claim for it being decided. */
    public enum Held { RECEIVING, CLAIMED }

    private static final java.util.Set<String> OPEN = java.util.Set.of("SUBMITTED", "IN_REVIEW", "INFO_REQUESTED", "INFO_PROVIDED",
            "AWAITING_SECOND_APPROVAL", "APPEALED");

    /**
     * The benefits the applicant's own claims hold: being decided (any open claim), or received (an
     * approved claim's one-time benefit or service, or a recurring one whose standing entitlement
     * goes on, is held or suspended). These are not offered again.
     */
    @Transactional(readOnly = true)
    public Map<String, Held> held(String username) {
        Map<String, Held> held = new LinkedHashMap<>();
        for (Claims.Summary c : claims.mineSummaries(username)) {
            if (OPEN.contains(c.status())) {
                c.benefits().forEach(b -> held.putIfAbsent(b, Held.CLAIMED));
            } else if ("APPROVED".equals(c.status())) {
                var view = claims.readOwn(c.reference(), username);
                for (String b : c.benefits()) {
                    boolean recurring = TableCode.parse(b).map(t -> t.periodicity() == cn.huiyisheng.rules.facts.Periodicity.MONTHLY
                            || t.periodicity() == cn.huiyisheng.rules.facts.Periodicity.YEARLY).orElse(false);
                    boolean goesOn = view.standing().stream().anyMatch(st -> st.benefit().equals(b) && !"CLOSED".equals(st.status()));
                    if (!recurring || goesOn) {
                        held.put(b, Held.RECEIVING);
                    }
                }
            }
        }
        return held;
    }

    /** Starts a draft from the calculator's answers (their facts, the benefits found eligible), or from nothing. */
    public long start(String username, Household facts, List<String> benefits) {
        Map<String, Held> held = held(username);
        benefits = benefits == null ? List.of() : benefits.stream().filter(b -> !held.containsKey(b)).toList();
        DraftRow row = new DraftRow();
        row.setUsername(username);
        row.setStatus("DRAFT");
        row.setBenefits(benefits.isEmpty() ? null : String.join(",", benefits));
        row.setPeriodFrom(YearMonth.now(clock).toString());
        row.setHouseholdJson(facts == null ? null : write(facts));
        row.setCreatedAt(clock.instant());
        row.setUpdatedAt(clock.instant());
        drafts.insert(row);
        return row.getId();
    }

    /** The user's drafts not yet submitted, the latest first. */
    public List<Draft> open(String username) {
        return drafts.openOf(username).stream().map(this::view).toList();
    }

    public Draft find(long id, String username) {
        return view(own(id, username));
    }

    private DraftRow own(long id, String username) {
        DraftRow row = drafts.findOwn(id, username);
        if (row == null) {
            throw new ApiErrors.NotFound("no claim draft " + id + " of yours");
        }
        return row;
    }

    private DraftRow editable(long id, String username) {
        DraftRow row = own(id, username);
        if (!"DRAFT".equals(row.getStatus())) {
            throw new Conflict("DRAFT_SUBMITTED", "this draft was submitted as claim " + row.getClaimReference());
        }
        return row;
    }

    private Draft view(DraftRow row) {
        List<String> benefits = row.getBenefits() == null || row.getBenefits().isBlank() ? List.of() : List.of(row.getBenefits().split(","));
        Household h = row.getHouseholdJson() == null ? null : read(row.getHouseholdJson());
        List<DocumentKind> checklist = new ArrayList<>();
        for (String b : benefits) {
            TableCode.parse(b).ifPresent(code -> checklist(code).stream().filter(k -> !checklist.contains(k)).forEach(checklist::add));
        }
        if (h != null && checklist.contains(DocumentKind.DEATH_CERTIFICATE) && h.children().stream().noneMatch(c -> !c.isAlive())
                && h.children().stream().anyMatch(c -> c.disability() > 0)) {
            checklist.set(checklist.indexOf(DocumentKind.DEATH_CERTIFICATE), DocumentKind.DISABILITY_CERTIFICATE);
        }
        List<Document> documents = drafts.documents(row.getId()).stream().map(d -> new Document(d.getId(), d.getKind(), d.getFilename(),
                d.getContentType(), d.getSizeBytes(), d.getSha256())).toList();
        boolean householdDone = h != null && h.applicant() != null && h.applicant().idNumber() != null;
        boolean documentsDone = checklist.stream().allMatch(k -> documents.stream().anyMatch(d -> d.kind().equals(k.name())));
        return new Draft(row.getId(), row.getStatus(), benefits, row.getPeriodFrom(), h, row.getBankAccount() == null ? null
                : Claims.maskAccount(row.getBankAccount()), row.getBankName(), !benefits.isEmpty() && row.getPeriodFrom() != null,
                householdDone, documentsDone, row.getBankAccount() != null, checklist, documents, row.getClaimReference());
    }

    /** The benefits claimed and from which month; every problem by field. */
    public void saveBenefits(long id, String username, List<String> benefits, String from) {
        DraftRow row = editable(id, username);
        List<Problem> problems = new ArrayList<>();
        List<String> known = new ArrayList<>();
        Map<String, Held> held = held(username);
        for (String b : benefits == null ? List.<String>of() : benefits) {
            if (held.containsKey(b)) {
                problems.add(new Problem("benefit-" + b, "ALREADY_" + held.get(b), held.get(b) == Held.RECEIVING
                        ? "you receive this benefit already" : "you have a claim for this benefit being decided",
                        held.get(b) == Held.RECEIVING ? "您已在享受这项待遇，不需要再申请" : "您已申请这项待遇，正在办理中"));
            } else if (TableCode.parse(b).filter(TableCode::isBenefit).isPresent() && !known.contains(b)) {
                known.add(b);
            }
        }
        if (known.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem("benefit-" + TableCode.values()[0].name(), "REQUIRED", "choose at least one benefit", "请至少选择一项待遇"));
        }
        YearMonth month = null;
        if (from == null || !MONTH.matcher(from.strip()).matches()) {
            problems.add(new Problem("from", "INVALID_VALUE", "the first month as YYYY-MM, e.g. 2026-12", "请按“年-月”填写起始月份，例如 2026-12"));
        } else {
            try {
                month = YearMonth.parse(from.strip());
                if (month.isAfter(YearMonth.now(clock).plusMonths(12))) {
                    problems.add(new Problem("from", "OUT_OF_RANGE", "at most 12 months ahead", "起始月份最多为 12 个月以后"));
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new Problem("from", "INVALID_VALUE", "the first month as YYYY-MM, e.g. 2026-12", "请按“年-月”填写起始月份，例如 2026-12"));
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        row.setBenefits(String.join(",", known));
        row.setPeriodFrom(month.toString());
        touch(row);
    }

    /** Who the household are, added to the facts: names and ID numbers, the district, the certificate's number. */
    public record Identity(String spouseName, String spouseId, List<String> childNames, String district, String certificateNumber) {
    }

    /**
     * Adds who the household are to its facts: the applicant is the account's verified person (name
     * and ID number, and so sex and birth date); the spouse's sex and birth date are read from the
     * ID number given. Checked as a claim's household is; nothing is kept when there is a problem.
     */
    public void saveHousehold(long id, CurrentUser user, Identity identity) {
        DraftRow row = editable(id, user.username());
        if (row.getHouseholdJson() == null) {
            throw new Conflict("NO_FACTS", "answer the questions about your household first");
        }
        Household facts = read(row.getHouseholdJson());
        Users.VerifiedPerson me = users.verifiedPerson(user.username())
                .orElseThrow(() -> new BadInput("applicant", "NO_VERIFIED_PERSON", "your account belongs to no verified person",
                        "您的账号未绑定经实名核验的本人信息"));
        List<Problem> problems = new ArrayList<>();
        String district = identity.district() == null ? "" : identity.district().strip();
        if (Arrays.stream(District.values()).noneMatch(d -> d.name().equals(district))) {
            problems.add(new Problem("district", "REQUIRED", "choose your district", "请选择您户籍或居住证所在的区"));
        }
        Person spouse = facts.spouse();
        if (spouse != null) {
            String name = identity.spouseName() == null ? "" : identity.spouseName().strip();
            String idNumber = identity.spouseId() == null ? "" : identity.spouseId().strip().toUpperCase(java.util.Locale.ROOT);
            if (name.isEmpty() || name.length() > 50) {
                problems.add(new Problem("spouseName", "REQUIRED", "your spouse's name, at most 50 characters", "请填写配偶姓名（最多50个字）"));
            }
            ResidentId.defect(idNumber).ifPresent(why -> problems.add(new Problem("spouseId", "ID_NUMBER_INVALID",
                    "not a valid resident ID number: " + why.en(), "配偶身份证号码无效：" + why.zh())));
            if (problems.stream().noneMatch(p -> p.path().startsWith("spouse"))) {
                spouse = new Person(idNumber, name, ResidentId.sex(idNumber), ResidentId.birthDate(idNumber).orElseThrow(),
                        regWithDistrict(spouse.registration(), district), spouse.maritalStatus(), spouse.maritalStatusSince(),
                        spouse.employment(), spouse.retirement(), spouse.measures());
            }
        }
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < facts.children().size(); i++) {
            Child c = facts.children().get(i);
            String name = identity.childNames() != null && i < identity.childNames().size() && identity.childNames().get(i) != null
                    ? identity.childNames().get(i).strip() : "";
            if (name.isEmpty() || name.length() > 50) {
                problems.add(new Problem("child" + i, "REQUIRED", "the child's name, at most 50 characters", "请填写子女姓名（最多50个字）"));
            }
            children.add(new Child(name, c.sex(), c.birthDate(), c.birthOrder(), c.origin(), c.adoptionDate(), c.alive(), c.deathDate(),
                    c.disabilityGrade(), c.disabilityDate(), c.withinPolicy(), c.idNumber()));
        }
        Certificate certificate = facts.certificate();
        if (certificate != null) {
            String number = identity.certificateNumber() == null ? "" : identity.certificateNumber().strip();
            if (number.isEmpty() || number.length() > 40) {
                problems.add(new Problem("certificateNumber", "REQUIRED", "the certificate's number, at most 40 characters",
                        "请填写光荣证编号（最多40个字）"));
            }
            certificate = new Certificate(number, certificate.issueDate(), certificate.revoked(), certificate.revokedDate());
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        Person a = facts.applicant();
        Person applicant = new Person(me.idNumber(), me.name(), ResidentId.sex(me.idNumber()), ResidentId.birthDate(me.idNumber()).orElseThrow(),
                regWithDistrict(a.registration(), district), a.maritalStatus(), a.maritalStatusSince(), a.employment(), a.retirement(),
                a.measures());
        Household household = new Household(applicant, spouse, children, certificate, facts.hardship(), facts.planningPregnancy(),
                facts.priorBenefits());
        List<Problem> invalid = evaluations.validate(new EvaluationRequest(household, null, null, null, null));
        if (!invalid.isEmpty()) {
            throw new BadInput(invalid);
        }
        row.setHouseholdJson(write(household));
        touch(row);
    }

    private static Registration regWithDistrict(Registration r, String district) {
        String zh = District.valueOf(district).zh();
        return r == null ? null : new Registration(r.type(), zh, r.since(), r.until());
    }

    /** Adds a document: PDF, JPEG or PNG as its content says (whatever its name claims), at most 10 MB. */
    public Document addDocument(long id, String username, String kind, String filename, byte[] content) {
        DraftRow row = editable(id, username);
        Claims.Document checked = Uploads.check(kind, filename, content);
        DraftDocumentRow d = new DraftDocumentRow();
        d.setDraftId(row.getId());
        d.setKind(checked.kind());
        d.setFilename(checked.filename());
        d.setContentType(checked.contentType());
        d.setSizeBytes(content.length);
        d.setSha256(checked.sha256());
        d.setContent(content);
        d.setUploadedAt(clock.instant());
        drafts.insertDocument(d);
        touch(row);
        return new Document(d.getId(), d.getKind(), d.getFilename(), d.getContentType(), content.length, d.getSha256());
    }

    public void removeDocument(long id, String username, long documentId) {
        DraftRow row = editable(id, username);
        drafts.deleteDocument(documentId, row.getId());
        touch(row);
    }

    public void saveBank(long id, String username, String account, String bankName) {
        DraftRow row = editable(id, username);
        String digits = account == null ? "" : account.replaceAll("[\\s-]", "");
        List<Problem> problems = new ArrayList<>();
        if (!BANK_ACCOUNT.matcher(digits).matches()) {
            problems.add(new Problem("bankAccount", "INVALID_VALUE", "12 to 30 digits", "银行账号须为12至30位数字"));
        }
        String bank = bankName == null ? "" : bankName.strip();
        if (bank.isEmpty() || bank.length() > 100) {
            problems.add(new Problem("bankName", "REQUIRED", "the bank's name, at most 100 characters", "请填写开户银行（最多100个字）"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        row.setBankAccount(digits);
        row.setBankName(bank);
        touch(row);
    }

    /**
     * Submits the draft as a claim, once: every section done and the declaration accepted. The claim
     * is made as the API makes one (the draft's id its idempotency key), its documents become the
     * claim's, and the draft records the claim's reference; all in one transaction.
     */
    public String submit(long id, CurrentUser user, boolean declared) {
        DraftRow row = own(id, user.username());
        if (!"DRAFT".equals(row.getStatus())) {
            return row.getClaimReference();
        }
        Draft draft = view(row);
        List<Problem> problems = new ArrayList<>();
        if (!draft.benefitsDone()) {
            problems.add(new Problem("benefits", "INCOMPLETE", "choose the benefits", "请选择要申请的待遇"));
        }
        if (!draft.householdDone()) {
            problems.add(new Problem("household", "INCOMPLETE", "complete your household", "请填写家庭成员信息"));
        }
        if (!draft.bankDone()) {
            problems.add(new Problem("bank", "INCOMPLETE", "give the bank account", "请填写收款账户"));
        }
        if (!declared) {
            problems.add(new Problem("declaration", "REQUIRED", "accept the declaration", "请阅读并勾选告知承诺"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        ClaimSubmission submission = new ClaimSubmission(draft.household(), draft.benefits(),
                new EvaluationRequest.Span(YearMonth.parse(row.getPeriodFrom()), null), row.getBankAccount(), row.getBankName());
        byte[] body;
        try {
            body = json.writeValueAsBytes(submission);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Claims.Submitted submitted = claims.submit(user, "portal-draft-" + row.getId(), submission, body);
        String reference = submitted.reference();
        if (submitted.created()) {
            claims.attachDocuments(reference, user.username(), drafts.documentsWithContent(row.getId()).stream()
                    .map(d -> new Claims.Document(d.getKind(), d.getFilename(), d.getContentType(), d.getContent(), d.getSha256())).toList());
        }
        row.setDeclaredAt(clock.instant());
        drafts.update(row);
        drafts.submitted(row.getId(), reference, clock.instant());
        return reference;
    }

    private void touch(DraftRow row) {
        row.setUpdatedAt(clock.instant());
        if (drafts.update(row) != 1) {
            throw new Conflict("DRAFT_SUBMITTED", "this draft was submitted meanwhile");
        }
    }

    private String write(Household h) {
        try {
            return json.writeValueAsString(h);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Household read(String text) {
        try {
            return json.readValue(text, Household.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a draft's household could not be read", e);
        }
    }

    /** The page's field a household problem is about (its JSON path as the claim's validation names it). */
    static String field(String path) {
        if (!path.startsWith("$")) {
            return path;
        }
        if (path.contains(".spouse.idNumber")) {
            return "spouseId";
        }
        if (path.contains(".spouse.name")) {
            return "spouseName";
        }
        java.util.regex.Matcher child = Pattern.compile("children\\[(\\d+)]").matcher(path);
        if (child.find()) {
            return "child" + child.group(1);
        }
        if (path.contains("certificate")) {
            return "certificateNumber";
        }
        return "household";
    }

    /** The problems of a refused step by field, in the reader's language. */
    public static Map<String, String> byField(BadInput e, boolean english) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Problem p : e.problems()) {
            out.putIfAbsent(field(p.path()), english ? p.message() : p.zh());
        }
        return out;
    }
}
