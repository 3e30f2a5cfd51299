package cn.huiyisheng.app.impact;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.app.evaluation.HeldGrants;
import cn.huiyisheng.app.evaluation.SystemRecords;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.impact.persistence.ImpactClaimRow;
import cn.huiyisheng.app.impact.persistence.ImpactMapper;
import cn.huiyisheng.app.impact.persistence.ImpactRecordRow;
import cn.huiyisheng.app.impact.persistence.ImpactRow;
import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.app.policy.PolicyDrafts;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.processes.impact.ImpactProcess;
import cn.huiyisheng.processes.impact.ImpactSteps;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.PeriodEvaluator;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.ibatis.cursor.Cursor;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A draft's impact on the claims already decided. Each claim's latest sealed determination (its
 * facts, date, period and the system's records it was decided on) is evaluated again for the
 * draft's benefit over the months the draft could change (from its {@code validFrom}): under the
 * catalogue as known when the simulation started, and under the same catalogue with the draft
 * published. So the figures are the draft's own, not those of corrections published since a claim
 * was decided (that drift is the auditors' replay). The run is the policy-impact process: the
 * claims are split by id into chunks, each a job of Camunda's job executor on any node, streamed
 * from the database; its result is stored with the draft, so that the approver sees the same figures.
 */
@Service
public class PolicyImpacts implements ImpactSteps, cn.huiyisheng.app.policy.DraftImpactFigures {

    private static final Logger log = LoggerFactory.getLogger(PolicyImpacts.class);
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public enum Status { RUNNING, DONE, CANCELLED, FAILED }

    private final ImpactMapper mapper;
    private final cn.huiyisheng.app.impact.persistence.ImpactRows rows;
    private final PolicyDrafts drafts;
    private final PolicyCatalog catalog;
    private final PersonKeys keys;
    private final SecurityTrail trail;
    private final RuntimeService runtime;
    private final Clock clock;
    private final ObjectMapper json;
    private final ObjectMapper exact;
    private final ObjectReader households;
    private final ObjectReader records;
    private final int chunkClaims;

    public PolicyImpacts(ImpactMapper mapper, cn.huiyisheng.app.impact.persistence.ImpactRows rows, PolicyDrafts drafts, PolicyCatalog catalog, PersonKeys keys, SecurityTrail trail,
                         RuntimeService runtime, Clock clock, ObjectMapper json,
                         @Value("${huiyisheng.impact.chunk-claims:2000}") int chunkClaims) {
        this.mapper = mapper;
        this.rows = rows;
        this.drafts = drafts;
        this.catalog = catalog;
        this.keys = keys;
        this.trail = trail;
        this.runtime = runtime;
        this.clock = clock;
        this.json = json;
        // amounts read back exactly as written: 340.00 stays 340.00
        ObjectMapper exact = json.copy().configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("iso-dates").addDeserializer(LocalDate.class, new IsoDates()));
        this.exact = exact;
        this.households = exact.readerFor(Household.class);
        this.records = exact.readerFor(SystemRecords.class);
        this.chunkClaims = chunkClaims;
    }

    /** A simulation as the console shows it: its state, progress, the catalogue it ran under, and its figures once done. */
    public record Impact(long id, long draftId, String status,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "the draft was uploaded again since: the figures are not"
                                 + " those of the draft as it is now") boolean stale,
                         int draftRevision, String draftSha256, LocalDate validFrom, Instant knownAt, List<String> versions,
                         int chunksDone, int chunksTotal, long recordsDone, boolean cancelRequested, String startedBy, Instant startedAt,
                         Instant finishedAt, JsonNode result) {
    }

    /** Starts a simulation of the draft, in the background; one at a time per draft. */
    @Transactional
    public Impact start(CurrentUser user, long draftId) {
        return begin(user, draftId);
    }

    @Override
    @Transactional
    public void simulate(CurrentUser user, long draftId) {
        begin(user, draftId);
    }

    @Override
    public java.util.Optional<Map<String, Object>> latestView(long draftId) {
        return latestIfAny(draftId).map(i -> exact.convertValue(i, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
        }));
    }

    private Impact begin(CurrentUser user, long draftId) {
        PolicyDrafts.requireStaff(user, trail, "draft " + draftId);
        Instant knownAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        PolicyDrafts.AsPublished draft = drafts.asPublished(draftId, knownAt);
        if (draft.status().equals(PolicyDrafts.Status.PUBLISHED.name()) || draft.status().equals(PolicyDrafts.Status.DISCARDED.name())) {
            throw new Conflict("DRAFT_" + draft.status(), "draft " + draftId + " is " + draft.status()
                    + ": only a draft still to be decided is simulated");
        }
        ImpactRow range = mapper.claimRange();
        long from = range == null || range.getClaimFrom() == 0 ? 1 : range.getClaimFrom();
        long to = range == null || range.getClaimTo() == 0 ? 0 : range.getClaimTo();
        int chunks = (int) Math.max(1, (to - from + chunkClaims) / chunkClaims);
        ImpactRow row = new ImpactRow();
        row.setDraftId(draftId);
        row.setDraftRevision(draft.revision());
        row.setDraftSha256(draft.table().sha256());
        row.setTableCode(draft.table().code().name());
        row.setValidFrom(draft.table().validFrom());
        row.setKnownAt(knownAt);
        row.setVersionsJson(write(versionsKnown(knownAt, draft.table())));
        row.setClaimFrom(from);
        row.setClaimTo(to);
        row.setChunkClaims(chunkClaims);
        row.setChunksTotal(chunks);
        row.setStartedBy(user.username());
        row.setStartedAt(clock.instant());
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException running) {
            throw new Conflict("IMPACT_RUNNING", "a simulation of draft " + draftId + " is running: wait for it or cancel it");
        }
        String pi = runtime.startProcessInstanceByKey(ImpactProcess.PROCESS_ID, ImpactProcess.businessKey(row.getId()),
                Variables.createVariables().putValue(ImpactProcess.IMPACT_ID, row.getId())).getId();
        mapper.setProcess(row.getId(), pi);
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + draftId, "IMPACT_STARTED " + row.getId());
        return view(mapper.findWithResult(row.getId()), draft.revision(), draft.table().sha256());
    }

    /** Asks the draft's running simulation to stop: the chunks not yet run evaluate nothing, and it ends CANCELLED. */
    @Override
    @Transactional
    public void cancelSimulation(CurrentUser user, long draftId) {
        cancel(user, draftId);
    }

    @Transactional
    public Impact cancel(CurrentUser user, long draftId) {
        PolicyDrafts.requireStaff(user, trail, "draft " + draftId);
        ImpactRow latest = mapper.latestOf(draftId);
        if (latest == null || mapper.requestCancel(latest.getId()) != 1) {
            throw new Conflict("IMPACT_NOT_RUNNING", "no simulation of draft " + draftId + " is running");
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + draftId, "IMPACT_CANCELLED " + latest.getId());
        return latest(draftId);
    }

    /** The draft's latest simulation. */
    public Impact latest(long draftId) {
        ImpactRow row = mapper.latestOf(draftId);
        if (row == null) {
            throw new ApiErrors.NotFound("draft " + draftId + " has not been simulated: POST /api/policy/drafts/" + draftId + "/impact");
        }
        PolicyDrafts.AsPublished draft = drafts.asPublished(draftId, clock.instant());
        return view(row, draft.revision(), draft.table().sha256());
    }

    @Override
    public java.util.OptionalLong decisionsChanged(long draftId, int revision, String sha256) {
        ImpactRow r = mapper.latestOf(draftId);
        if (r == null || !Status.DONE.name().equals(r.getStatus()) || r.getDraftRevision() != revision || !r.getDraftSha256().equals(sha256)
                || r.getResultJson() == null) {
            return java.util.OptionalLong.empty();
        }
        return java.util.OptionalLong.of(read(r.getResultJson()).path("decisionsChanged").asLong());
    }

    /** The draft's latest simulation, or none. */
    public java.util.Optional<Impact> latestIfAny(long draftId) {
        return mapper.latestOf(draftId) == null ? java.util.Optional.empty() : java.util.Optional.of(latest(draftId));
    }

    private Impact view(ImpactRow r, int revision, String sha) {
        List<String> versions = new ArrayList<>();
        read(r.getVersionsJson()).forEach(v -> versions.add(v.asText()));
        JsonNode result = r.getResultJson() == null ? null : read(r.getResultJson());
        return new Impact(r.getId(), r.getDraftId(), r.getStatus(), r.getDraftRevision() != revision || !r.getDraftSha256().equals(sha),
                r.getDraftRevision(), r.getDraftSha256(), r.getValidFrom(), r.getKnownAt(), versions, r.getChunksDone(), r.getChunksTotal(),
                r.getRecordsDone(), r.isCancelRequested(), r.getStartedBy(), r.getStartedAt(), r.getFinishedAt(), result);
    }

    /** Every version known at the instant, as id and SHA-256 prefix, and the draft as the version it would become. */
    private List<String> versionsKnown(Instant knownAt, PolicyTable draft) {
        List<String> ids = new ArrayList<>();
        for (PolicyTable v : catalog.catalog().all()) {
            if (v.knownAt(knownAt)) {
                ids.add(v.id() + " " + v.sha256().substring(0, 12));
            }
        }
        ids.sort(null);
        ids.add(draft.id() + " " + draft.sha256().substring(0, 12) + " (草稿 draft)");
        return ids;
    }

    // ---- the chunks ------------------------------------------------------------------------

    /** What a chunk (or the whole run) found for one benefit: counts by category and the amounts of everyone eligible before or after. */
    public static final class BenefitTally {
        public long subjects;
        public long eligibleBefore;
        public long eligibleAfter;
        public long changed;
        public Map<String, Long> categories = new TreeMap<>();
        public BigDecimal before = ZERO;
        public BigDecimal after = ZERO;
        public BigDecimal before12 = ZERO;
        public BigDecimal after12 = ZERO;

        void add(ImpactComparison.Change c) {
            subjects++;
            eligibleBefore += c.beforeEligible() ? 1 : 0;
            eligibleAfter += c.afterEligible() ? 1 : 0;
            changed += c.changed() ? 1 : 0;
            categories.merge(c.category().name(), 1L, Long::sum);
            before = before.add(c.before());
            after = after.add(c.after());
            before12 = before12.add(c.before12());
            after12 = after12.add(c.after12());
        }

        void add(BenefitTally t) {
            subjects += t.subjects;
            eligibleBefore += t.eligibleBefore;
            eligibleAfter += t.eligibleAfter;
            changed += t.changed;
            t.categories.forEach((k, v) -> categories.merge(k, v, Long::sum));
            before = before.add(t.before);
            after = after.add(t.after);
            before12 = before12.add(t.before12);
            after12 = after12.add(t.after12);
        }
    }

    /** A chunk's summary (stored as JSON with the chunk). */
    public static final class ChunkSummary {
        public long records;
        public long decisionsChanged;
        public long failed;
        public String firstFailure;
        public boolean skipped;
        public Map<String, BenefitTally> benefits = new TreeMap<>();
        /** The changed rows by benefit, by grouping ("benefit", "category", "district", "registration") and by the group's key. */
        public Map<String, Map<String, Map<String, Group>>> groups = new TreeMap<>();

        void tally(ImpactClaimRow r) {
            Map<String, Map<String, Group>> by = groups.computeIfAbsent(r.getBenefit(), k -> new TreeMap<>());
            for (String grouping : GROUPINGS) {
                by.computeIfAbsent(grouping, k -> new TreeMap<>()).computeIfAbsent(groupKey(grouping, r.getBenefit(), r.getCategory(), r.getDistrict(),
                        r.getRegistration()), k -> new Group()).add(r);
            }
        }

        void add(ChunkSummary c) {
            c.groups.forEach((benefit, by) -> by.forEach((grouping, keys) -> keys.forEach((key, g) -> groups
                    .computeIfAbsent(benefit, k -> new TreeMap<>()).computeIfAbsent(grouping, k -> new TreeMap<>())
                    .computeIfAbsent(key, k -> new Group()).add(g))));
        }
    }

    static final List<String> GROUPINGS = List.of("benefit", "category", "district", "registration");

    static String groupKey(String grouping, String benefit, String category, String district, String registration) {
        return switch (grouping) {
            case "benefit" -> benefit;
            case "category" -> category;
            case "district" -> district == null ? "" : district;
            default -> registration;
        };
    }

    /** The changed rows of one group: how many, and their amounts. */
    public static final class Group {
        public long rows;
        public BigDecimal before = ZERO;
        public BigDecimal after = ZERO;
        public BigDecimal before12 = ZERO;
        public BigDecimal after12 = ZERO;

        void add(ImpactClaimRow r) {
            rows++;
            before = before.add(r.getBeforeAmount());
            after = after.add(r.getAfterAmount());
            before12 = before12.add(r.getBefore12());
            after12 = after12.add(r.getAfter12());
        }

        void add(Group g) {
            rows += g.rows;
            before = before.add(g.before);
            after = after.add(g.after);
            before12 = before12.add(g.before12);
            after12 = after12.add(g.after12);
        }
    }

    /** What every chunk of a run shares: the two engines, the draft's first month, the benefits it can change. */
    private record Run(ImpactRow impact, Engine before, Engine after, YearMonth firstMonth, ImpactComparison.Window window, TableCode code) {
    }

    /** The engines of the runs this node is working on (compiling the draft and preparing its rows once per run). */
    private final Map<Long, Run> runs = java.util.Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Run> eldest) {
            return size() > 4;
        }
    });

    private Run run(ImpactRow impact, PolicyTable draft) {
        return runs.computeIfAbsent(impact.getId(), id -> {
            LocalDate v = impact.getValidFrom();
            // every month is assessed on its 1st: a version valid from mid-month applies from the next month
            YearMonth first = v.getDayOfMonth() == 1 ? YearMonth.from(v) : YearMonth.from(v).plusMonths(1);
            return new Run(impact, catalog.engine(impact.getKnownAt()), catalog.simulate(draft), first, ImpactComparison.Window.of(first),
                    TableCode.valueOf(impact.getTableCode()));
        });
    }

    @Override
    @Transactional
    public void plan(long impactId) {
        ImpactRow impact = mapper.find(impactId);
        if (impact == null) {
            throw new IllegalStateException("no simulation " + impactId);
        }
        for (int chunk = 0; chunk < impact.getChunksTotal(); chunk++) {
            runtime.startProcessInstanceByKey(ImpactProcess.CHUNK_PROCESS_ID, ImpactProcess.chunkKey(impactId, chunk),
                    Variables.createVariables().putValue(ImpactProcess.IMPACT_ID, impactId).putValue(ImpactProcess.CHUNK, chunk));
        }
    }

    @Override
    @Transactional
    public void evaluateChunk(long impactId, int chunk) {
        ImpactRow impact = mapper.find(impactId);
        if (impact == null) {
            throw new IllegalStateException("no simulation " + impactId);
        }
        if (mapper.hasChunk(impactId, chunk)) {
            return; // counted already
        }
        ChunkSummary summary = new ChunkSummary();
        List<ImpactClaimRow> changed = new ArrayList<>();
        PolicyDrafts.AsPublished draft = drafts.asPublished(impact.getDraftId(), impact.getKnownAt());
        if (impact.isCancelRequested() || !Status.RUNNING.name().equals(impact.getStatus())
                || !draft.table().sha256().equals(impact.getDraftSha256())) {
            summary.skipped = true; // cancelled, or the draft was uploaded again: the run's figures would not be the draft's
        } else {
            evaluating.acquireUninterruptibly();
            try {
                evaluate(impact, chunk, draft, summary, changed);
            } finally {
                evaluating.release();
            }
        }
        changed.forEach(summary::tally);
        rows.insert(changed);
        mapper.insertChunk(impactId, chunk, (int) summary.records, write(summary), clock.instant());
        mapper.chunkDone(impactId, (int) summary.records);
        // the row is locked by this update until commit: every other chunk's count is either in
        // (committed before) or waits for this one, so exactly one chunk reads the total
        if (mapper.chunksDone(impactId) == impact.getChunksTotal()) {
            runtime.createMessageCorrelation(ImpactProcess.MESSAGE_CHUNKS_DONE)
                    .processInstanceBusinessKey(ImpactProcess.businessKey(impactId)).correlate();
        }
    }

    /**
     * Chunks evaluated at once on this node: as many as it has cores. The job executor runs more
     * threads than cores (claims' steps mostly wait on the database); a simulation's chunks only
     * compute, and eight of them on two cores took twice the CPU per record (measured with
     * {@code ./bench impact}).
     */
    private final java.util.concurrent.Semaphore evaluating = new java.util.concurrent.Semaphore(
            Math.max(1, Runtime.getRuntime().availableProcessors()));

    /** A chunk's claims, streamed: each one's latest claim determination that the draft could change. */
    private void evaluate(ImpactRow impact, int chunk, PolicyDrafts.AsPublished draft, ChunkSummary summary, List<ImpactClaimRow> changed) {
        Run run = run(impact, draft.table());
        long from = impact.getClaimFrom() + (long) chunk * impact.getChunkClaims();
        long to = from + impact.getChunkClaims();
        String like = run.code().isBenefit() ? "%," + run.code().name() + ",%" : null;
        boolean byDate = !run.code().isBenefit() || (run.code().periodicity() != Periodicity.MONTHLY
                && run.code().periodicity() != Periodicity.YEARLY);
        try (Cursor<ImpactRecordRow> cursor = mapper.records(from, to, run.firstMonth().toString(), impact.getValidFrom(), byDate, like)) {
            for (ImpactRecordRow r : cursor) {
                summary.records++;
                try {
                    evaluate(run, r, summary, changed);
                } catch (RuntimeException | IOException e) {
                    summary.failed++;
                    if (summary.firstFailure == null) {
                        summary.firstFailure = "claim " + r.getClaimId() + ", determination " + r.getDeterminationId() + ": " + e;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One claim: its benefits the draft can change, over the months it can change them, without and with the draft. */
    private void evaluate(Run run, ImpactRecordRow r, ChunkSummary summary, List<ImpactClaimRow> changed) throws IOException {
        Household household = households.readValue(r.getFactsJson());
        Set<TableCode> codes = codes(r.getBenefits(), run.code());
        Set<TableCode> recurring = EnumSet.noneOf(TableCode.class);
        Set<TableCode> once = EnumSet.noneOf(TableCode.class);
        for (TableCode c : codes) {
            (c.periodicity() == Periodicity.MONTHLY || c.periodicity() == Periodicity.YEARLY ? recurring : once).add(c);
        }
        YearMonth from = YearMonth.parse(r.getPeriodFrom());
        if (from.isBefore(run.firstMonth())) {
            from = run.firstMonth();
        }
        YearMonth to = YearMonth.parse(r.getPeriodTo());
        boolean months = !recurring.isEmpty() && !from.isAfter(to);
        boolean onDate = !once.isEmpty() && !r.getAsOf().isBefore(run.impact().getValidFrom());
        if (!months && !onDate) {
            return;
        }
        Instant knownAt = run.impact().getKnownAt();
        EvaluationResponse before = evaluate(run.before(), household, r.getAsOf(), knownAt, onDate ? once : Set.of(), months ? recurring : Set.of(),
                from, to);
        EvaluationResponse after = evaluate(run.after(), household, r.getAsOf(), knownAt, onDate ? once : Set.of(), months ? recurring : Set.of(),
                from, to);
        String applicantKey = null;
        String spouseKey = null;
        SystemRecords held = r.getRecordsJson() == null ? null : records.readValue(r.getRecordsJson());
        if (held != null && !held.held().isEmpty()) {
            applicantKey = key(household.applicant());
            spouseKey = key(household.spouse());
            before = HeldGrants.apply(before, held.held(), applicantKey, spouseKey);
            after = HeldGrants.apply(after, held.held(), applicantKey, spouseKey);
        }
        boolean any = false;
        for (ImpactComparison.Change c : ImpactComparison.compare(before, after, run.window())) {
            summary.benefits.computeIfAbsent(c.benefit(), b -> new BenefitTally()).add(c);
            if (!c.changed()) {
                continue;
            }
            any = true;
            if (applicantKey == null) {
                applicantKey = key(household.applicant());
                spouseKey = key(household.spouse());
            }
            Person person = c.path().startsWith("$.spouse") && household.spouse() != null ? household.spouse() : household.applicant();
            ImpactClaimRow row = new ImpactClaimRow();
            row.setImpactId(run.impact().getId());
            row.setClaimId(r.getClaimId());
            row.setDeterminationId(r.getDeterminationId());
            row.setBenefit(c.benefit());
            row.setSubjectPath(c.path() == null ? "$" : c.path());
            row.setPersonKey(c.path() != null && c.path().startsWith("$.spouse") ? spouseKey : applicantKey);
            row.setDistrict(district(household));
            row.setRegistration(person == null ? "NONE" : person.registrationType().name());
            row.setCategory(c.category().name());
            row.setBeforeAmount(c.before());
            row.setAfterAmount(c.after());
            row.setBefore12(c.before12());
            row.setAfter12(c.after12());
            changed.add(row);
        }
        summary.decisionsChanged += any ? 1 : 0;
    }

    private static EvaluationResponse evaluate(Engine engine, Household household, LocalDate asOf, Instant knownAt, Set<TableCode> once,
                                               Set<TableCode> recurring, YearMonth from, YearMonth to) {
        Determination determination = once.isEmpty() ? new Determination(asOf, knownAt, Engine.VERSION, List.of())
                : engine.evaluate(household, asOf, knownAt, once);
        PeriodDetermination period = recurring.isEmpty() ? null
                : new PeriodEvaluator(engine).evaluate(household, from, to, knownAt, recurring);
        return new EvaluationResponse(determination, period);
    }

    /** The claim's benefits the draft can change: the draft's own, or, for a parameter table, every benefit of the claim. */
    static Set<TableCode> codes(String benefits, TableCode draft) {
        Set<TableCode> claimed = EnumSet.noneOf(TableCode.class);
        if (benefits == null || benefits.isBlank()) {
            claimed.addAll(Engine.benefits());
        } else {
            for (String b : benefits.split(",")) {
                claimed.add(TableCode.valueOf(b));
            }
        }
        if (draft.isBenefit()) {
            return claimed.contains(draft) ? EnumSet.of(draft) : EnumSet.noneOf(TableCode.class);
        }
        return claimed;
    }

    /** The applicant's district as the facts give it (the claim's own district column is derived the same way). */
    private static String district(Household h) {
        Person a = h.applicant();
        String d = a == null || a.registration() == null || a.registration().district() == null ? null : a.registration().district().strip();
        return d == null || d.isEmpty() ? null : d.length() <= 100 ? d : d.substring(0, 100);
    }

    private String key(Person p) {
        return p == null || p.idNumber() == null ? null : keys.of(p.idNumber());
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
    public void failed(long impactId, int chunk, String reason) {
        String text = reason == null ? "" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        if (mapper.finish(impactId, Status.FAILED.name(), clock.instant(), write(Map.of("failedChunk", chunk, "failure", text))) == 1) {
            runs.remove(impactId);
            log.warn("Policy impact {} FAILED: chunk {} failed on its last retry: {}", impactId, chunk, text);
        }
    }

    // ---- the figures ----------------------------------------------------------------------

    @Override
    @Transactional
    public void summarise(long impactId) {
        ImpactRow impact = mapper.find(impactId);
        if (impact == null || !Status.RUNNING.name().equals(impact.getStatus())) {
            return;
        }
        ChunkSummary all = merged(impactId);
        Map<String, Object> result = new LinkedHashMap<>();
        YearMonth first = impact.getValidFrom().getDayOfMonth() == 1 ? YearMonth.from(impact.getValidFrom())
                : YearMonth.from(impact.getValidFrom()).plusMonths(1);
        result.put("window", Map.of("from", first.toString(), "to", first.plusMonths(11).toString()));
        result.put("records", all.records);
        result.put("decisionsChanged", all.decisionsChanged);
        result.put("failed", all.failed);
        if (all.firstFailure != null) {
            result.put("firstFailure", all.firstFailure);
        }
        Map<String, Map<String, List<ImpactMapper.Breakdown>>> breakdowns = breakdowns(all, mapper.repeated(impactId));
        Map<String, List<ImpactMapper.Breakdown>> persons = breakdowns.getOrDefault("benefit", Map.of());
        Map<String, List<ImpactMapper.Breakdown>> byCategory = breakdowns.getOrDefault("category", Map.of());
        Map<String, List<ImpactMapper.Breakdown>> byDistrict = breakdowns.getOrDefault("district", Map.of());
        Map<String, List<ImpactMapper.Breakdown>> byRegistration = breakdowns.getOrDefault("registration", Map.of());
        List<Map<String, Object>> benefits = new ArrayList<>();
        all.benefits.forEach((benefit, t) -> {
            TableCode code = TableCode.valueOf(benefit);
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("benefit", benefit);
            b.put("zh", code.zh());
            b.put("en", code.en());
            b.put("subjects", t.subjects);
            b.put("personsAffected", persons.getOrDefault(benefit, List.of()).stream().mapToLong(ImpactMapper.Breakdown::persons).sum());
            b.put("eligibleBefore", t.eligibleBefore);
            b.put("eligibleAfter", t.eligibleAfter);
            b.put("newlyEligible", t.categories.getOrDefault(ImpactComparison.Category.NEWLY_ELIGIBLE.name(), 0L));
            b.put("noLongerEligible", t.categories.getOrDefault(ImpactComparison.Category.NO_LONGER_ELIGIBLE.name(), 0L));
            List<Map<String, Object>> categories = new ArrayList<>();
            for (ImpactComparison.Category c : ImpactComparison.Category.values()) {
                if (c == ImpactComparison.Category.INELIGIBLE) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("category", c.name());
                row.put("zh", c.zh());
                row.put("en", c.en());
                ImpactMapper.Breakdown changedRows = byCategory.getOrDefault(benefit, List.of()).stream()
                        .filter(x -> x.groupKey().equals(c.name())).findFirst().orElse(null);
                // a change is stored per person and counted once per person; "unchanged" is counted per assessment
                row.put("persons", c == ImpactComparison.Category.UNCHANGED ? t.categories.getOrDefault(c.name(), 0L)
                        : changedRows == null ? 0L : changedRows.persons());
                row.put("change12", changedRows == null ? ZERO : changedRows.after12().subtract(changedRows.before12()));
                categories.add(row);
            }
            b.put("categories", categories);
            b.put("cost12", Map.of("before", t.before12, "after", t.after12, "change", t.after12.subtract(t.before12)));
            b.put("byDistrict", groups(byDistrict.getOrDefault(benefit, List.of()), null));
            b.put("byRegistration", groups(byRegistration.getOrDefault(benefit, List.of()), "registration"));
            benefits.add(b);
        });
        result.put("benefits", benefits);
        String status = all.skipped || impact.isCancelRequested() ? Status.CANCELLED.name() : Status.DONE.name();
        mapper.finish(impactId, status, clock.instant(), write(result));
        runs.remove(impactId);
        log.info("Policy impact {} of draft {}: {} ({} records, {} decisions changed, {} failed)", impactId, impact.getDraftId(), status,
                all.records, all.decisionsChanged, all.failed);
    }

    /** Every chunk's summary of a run, added up. */
    private ChunkSummary merged(long impactId) {
        ChunkSummary all = new ChunkSummary();
        for (String s : mapper.chunkSummaries(impactId)) {
            ChunkSummary c = readSummary(s);
            all.records += c.records;
            all.decisionsChanged += c.decisionsChanged;
            all.failed += c.failed;
            all.skipped |= c.skipped;
            if (all.firstFailure == null) {
                all.firstFailure = c.firstFailure;
            }
            c.benefits.forEach((b, t) -> all.benefits.computeIfAbsent(b, k -> new BenefitTally()).add(t));
            all.add(c);
        }
        return all;
    }

    /** A run's breakdowns by grouping ("benefit", "category", "district", "registration"), then benefit: persons, rows, amounts. */
    public Map<String, Map<String, List<ImpactMapper.Breakdown>>> breakdowns(long impactId) {
        return breakdowns(merged(impactId), mapper.repeated(impactId));
    }

    /**
     * The breakdowns by grouping and benefit, from the chunks' sums of their changed rows. A person is
     * counted once per group: the rows of the persons (by key) with more than one changed row, read
     * back, say how many a sum of rows counted too often (the same person's claims may lie in two chunks).
     */
    static Map<String, Map<String, List<ImpactMapper.Breakdown>>> breakdowns(ChunkSummary all, List<ImpactMapper.Repeat> repeated) {
        Map<String, Long> excess = new java.util.HashMap<>();
        Map<String, Long> seen = new java.util.HashMap<>();
        for (ImpactMapper.Repeat r : repeated) {
            for (String grouping : GROUPINGS) {
                String group = r.benefit() + '\u0000' + grouping + '\u0000' + groupKey(grouping, r.benefit(), r.category(), r.district(), r.registration());
                if (seen.merge(group + '\u0000' + r.personKey(), 1L, Long::sum) > 1) {
                    excess.merge(group, 1L, Long::sum);
                }
            }
        }
        Map<String, Map<String, List<ImpactMapper.Breakdown>>> out = new TreeMap<>();
        all.groups.forEach((benefit, by) -> by.forEach((grouping, keys) -> keys.forEach((key, g) -> {
            long persons = g.rows - excess.getOrDefault(benefit + '\u0000' + grouping + '\u0000' + key, 0L);
            out.computeIfAbsent(grouping, k -> new TreeMap<>()).computeIfAbsent(benefit, k -> new ArrayList<>())
                    .add(new ImpactMapper.Breakdown(benefit, key, persons, g.rows, g.before, g.after, g.before12, g.after12));
        })));
        return out;
    }

    private static List<Map<String, Object>> groups(List<ImpactMapper.Breakdown> rows, String labels) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ImpactMapper.Breakdown r : rows) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("key", r.groupKey());
            if ("registration".equals(labels)) {
                cn.huiyisheng.rules.household.RegistrationType type = cn.huiyisheng.rules.household.RegistrationType.valueOf(r.groupKey());
                g.put("zh", type.zh());
                g.put("en", type.en());
            }
            g.put("persons", r.persons());
            g.put("before12", r.before12());
            g.put("after12", r.after12());
            g.put("change12", r.after12().subtract(r.before12()));
            out.add(g);
        }
        return out;
    }

    // ---- drill-down -----------------------------------------------------------------------

    /** A changed person behind a figure, masked: the claim's reference, the applicant's name masked. */
    public record ClaimChange(String reference, String applicant, String benefit, String subject, String district, String registration,
                              String category, BigDecimal before, BigDecimal after, BigDecimal before12, BigDecimal after12) {
    }

    public record ClaimPage(long total, int page, int size, List<ClaimChange> rows) {
    }

    @Override
    public java.util.Optional<Map<String, Object>> claimsView(long draftId, String benefit, String category, String district,
                                                             String registration, int page) {
        if (mapper.latestOf(draftId) == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(exact.convertValue(claims(draftId, benefit, category, district, registration, page, 50),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                }));
    }

    public ClaimPage claims(long draftId, String benefit, String category, String district, String registration, int page, int size) {
        ImpactRow impact = mapper.latestOf(draftId);
        if (impact == null) {
            throw new ApiErrors.NotFound("draft " + draftId + " has not been simulated");
        }
        int p = Math.max(1, page);
        int s = Math.max(1, Math.min(500, size));
        List<ClaimChange> rows = mapper.claims(impact.getId(), benefit, category, district, registration, s, (p - 1) * s).stream()
                .map(r -> new ClaimChange(r.getReference(), cn.huiyisheng.rules.household.ResidentId.maskName(r.getApplicantName()),
                        r.getBenefit(), r.getSubjectPath(), r.getDistrict(), r.getRegistration(), r.getCategory(), r.getBeforeAmount(),
                        r.getAfterAmount(), r.getBefore12(), r.getAfter12())).toList();
        return new ClaimPage(mapper.countClaims(impact.getId(), benefit, category, district, registration), p, s, rows);
    }

    // ---- JSON -----------------------------------------------------------------------------

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return exact.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored simulation: " + e.getOriginalMessage(), e);
        }
    }

    private ChunkSummary readSummary(String text) {
        try {
            return exact.readValue(text, ChunkSummary.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable chunk summary: " + e.getOriginalMessage(), e);
        }
    }
}
