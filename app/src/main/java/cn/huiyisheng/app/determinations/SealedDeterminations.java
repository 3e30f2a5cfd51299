package cn.huiyisheng.app.determinations;

import cn.huiyisheng.app.determinations.persistence.DeterminationMapper;
import cn.huiyisheng.app.evaluation.EvaluationRequest;
import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.app.evaluation.EvaluationService;
import cn.huiyisheng.app.evaluation.SystemRecords;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.household.Household;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The sealed record of every automatic determination: the facts exactly as evaluated, the date,
 * the instant, the versions used with their SHA-256, the result with its explanation and the
 * engine's version. Records are inserted in the caller's transaction and never updated; a sealer
 * chains them by hash within seconds ({@link #seal()}), so that deleting or changing any record is
 * found by {@link #verifyChain()}. {@link #replay(long)} evaluates a record's facts again under the versions it names.
 */
@Service
public class SealedDeterminations {

    public static final String GENESIS = "0".repeat(64);
    /** Every requested benefit as of the date, and over the period (the records made before scopes). */
    public static final String SCOPE_FULL = "FULL";
    /** A claim's scope: one-time benefits as of the date, recurring ones over the period only. */
    public static final String SCOPE_CLAIM = "CLAIM";
    /**
     * A payment run's: the months come due for one standing entitlement, its benefit only, under the
     * rules as known at the run, with the grants other claims hold (issue 10).
     */
    public static final String SCOPE_PAYMENT = "PAYMENT";

    private final DeterminationMapper mapper;
    private final EvaluationService evaluations;
    /** A record is sealed within seconds; one still unsealed after this is reported by {@link #verifyChain()}. */
    static final Duration LATE = Duration.ofMinutes(5);
    /** How far before the newest sealed record the sealer looks for records committed late (a step commits in seconds). */
    static final Duration LATE_COMMIT = Duration.ofMinutes(1);

    private final ObjectMapper canonical;
    private final Clock clock;
    private final TransactionTemplate separately;
    private final javax.sql.DataSource dataSource;

    private final cn.huiyisheng.app.determinations.persistence.DeterminationRows rows;

    public SealedDeterminations(DeterminationMapper mapper, EvaluationService evaluations, ObjectMapper json, Clock clock,
                                PlatformTransactionManager transactions, javax.sql.DataSource dataSource,
                                cn.huiyisheng.app.determinations.persistence.DeterminationRows rows) {
        this.mapper = mapper;
        this.rows = rows;
        this.dataSource = dataSource;
        this.evaluations = evaluations;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // one byte sequence per value: sorted properties and keys, plain decimals, no indentation
        this.canonical = json.copy()
                .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
                .configure(SerializationFeature.INDENT_OUTPUT, false)
                .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
                // read amounts back exactly as written: 340.00 stays 340.00
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /** What was decided, with the record that seals it. */
    public record Sealed(DeterminationRow row, EvaluationResponse response) {
    }

    /**
     * Evaluates and records, in the caller's transaction (a process step's): the record exists when
     * that transaction commits, and not at all if it rolls back; it is chained once committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sealed evaluateAndSeal(long claimId, Household household, LocalDate asOf, YearMonth from, YearMonth to, List<String> benefits,
                                  SystemRecords records) {
        return evaluateAndSeal(SCOPE_CLAIM, claimId, household, asOf, from, to, benefits, records);
    }

    /** As {@link #evaluateAndSeal(long, Household, LocalDate, YearMonth, YearMonth, List, SystemRecords)}, in a scope of a claim's or a run's. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sealed evaluateAndSeal(String scope, long claimId, Household household, LocalDate asOf, YearMonth from, YearMonth to,
                                  List<String> benefits, SystemRecords records) {
        return seal(claimId, evaluate(scope, household, asOf, from, to, benefits, records));
    }

    /** An evaluation not recorded yet: what {@link #seal} records, exactly as evaluated. */
    public record Evaluated(String scope, Household household, LocalDate asOf, YearMonth from, YearMonth to, List<String> benefits,
                            SystemRecords records, Instant knownAt, EvaluationResponse response) {
    }

    /**
     * Evaluates, recording nothing (and outside any transaction's concern: an engine that fails here
     * leaves the caller's transaction as it was). {@link #seal} records it.
     */
    public Evaluated evaluate(String scope, Household household, LocalDate asOf, YearMonth from, YearMonth to, List<String> benefits,
                              SystemRecords records) {
        // stored to the second (MySQL's driver is set not to send fractions, as Camunda asks):
        // evaluate and hash exactly what will be stored
        Instant knownAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        EvaluationRequest request = new EvaluationRequest(household, asOf, new EvaluationRequest.Span(from, to), benefits, knownAt);
        EvaluationResponse response = SCOPE_PAYMENT.equals(scope) ? evaluations.evaluatePayment(request, records)
                : evaluations.evaluateClaim(request, records);
        return new Evaluated(scope, household, asOf, from, to, List.copyOf(benefits), records, knownAt, response);
    }

    /**
     * Records an evaluation for a claim, in the caller's transaction (a process step's, a submission's): the
     * record exists when that transaction commits, and not at all if it rolls back; it is chained once committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Sealed seal(long claimId, Evaluated e) {
        DeterminationRow row = new DeterminationRow();
        row.setRecordsJson(json(e.records()));
        row.setScope(e.scope());
        row.setClaimId(claimId);
        row.setAsOf(e.asOf());
        row.setKnownAt(e.knownAt());
        row.setPeriodFrom(e.from().toString());
        row.setPeriodTo(e.to().toString());
        row.setBenefits(String.join(",", e.benefits()));
        row.setFactsJson(json(e.household()));
        row.storeResult(json(e.response()));
        row.setVersionsJson(json(versionsUsed(e.response())));
        row.setEngineVersion(Engine.VERSION);
        row.setRecordedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        // a plain insert: the sealer chains it within seconds of its commit ({@link #seal()})
        rows.insert(row);
        recent.put(row.getId(), new Recent(row.getResultSha256(), row.getFactsJson(), e.household(), e.response()));
        return new Sealed(row, e.response());
    }

    /**
     * Chains the records not sealed yet, in the order they were inserted: each seal holds the
     * record's position, the hash before it and the hash of its content with both. On one node at
     * a time (the chain head is locked); records whose transaction commits late (within a minute
     * of the newest sealed one) are found on a later pass.
     */
    @Scheduled(fixedDelayString = "${huiyisheng.determinations.seal-every:PT1S}")
    @Transactional
    public int seal() {
        // a backlog (a payment run seals tens of thousands) is caught up in passes of 1,000, up to 5 a call
        int sealed = 0;
        for (int pass = 0; pass < 5; pass++) {
            int n = sealPass();
            sealed += n;
            if (n < 1000) {
                break;
            }
        }
        return sealed;
    }

    private int sealPass() {
        DeterminationMapper.ChainHead head = mapper.lockChainHead();
        Instant since = since(head.getLastRecordedAt(), clock.instant());
        List<DeterminationRow> pending = mapper.findUnsealed(since, 1000);
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.getLastSeq();
        String previous = head.getLastHash();
        Instant latest = head.getLastRecordedAt();
        for (DeterminationRow r : pending) {
            r.setSeq(++seq);
            r.setPrevHash(previous);
            r.setHash(hash(r));
            previous = r.getHash();
            latest = latest == null || r.getRecordedAt().isAfter(latest) ? r.getRecordedAt() : latest;
        }
        rows.insert(pending, clock.instant());
        mapper.advanceChainHead(seq, previous, latest);
        return pending.size();
    }

    /**
     * Where the sealer looks for unsealed records: a minute before the newest sealed one, or before
     * now when that is earlier (the clock was set back, as a test's engine clock is after living
     * through months ahead: records made since are older than the newest sealed and still found).
     */
    static Instant since(Instant lastRecordedAt, Instant now) {
        if (lastRecordedAt == null) {
            return Instant.EPOCH;
        }
        return (now.isBefore(lastRecordedAt) ? now : lastRecordedAt).minus(LATE_COMMIT);
    }

    /** The last pass when the service stops, so that a clean shutdown leaves nothing unsealed. */
    @jakarta.annotation.PreDestroy
    void sealOnShutdown() {
        try {
            separately.execute(tx -> seal());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SealedDeterminations.class)
                    .warn("determinations not sealed at shutdown (the next start seals them): {}", e.getMessage());
        }
    }

    public Optional<DeterminationRow> latest(long claimId) {
        return Optional.ofNullable(mapper.findLatestByClaim(claimId));
    }

    /**
     * The claim's latest determination if nothing has been granted from it yet; empty when it has
     * been (a retried grant) and when the claim has no determination.
     */
    public Optional<DeterminationRow> latestUngranted(String claimReference) {
        return Optional.ofNullable(rows.ungrantedLatest(claimReference));
    }

    public List<DeterminationRow> ofClaim(long claimId) {
        return mapper.findByClaim(claimId);
    }

    public JsonNode result(DeterminationRow row) {
        try {
            return canonical.readTree(row.getResultJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("determination " + row.getId() + ": unreadable result", e);
        }
    }

    /** The sealed result, typed: exactly what was decided (written back, the same bytes). */
    public EvaluationResponse response(DeterminationRow row) {
        try {
            return canonical.readValue(row.getResultJson(), EvaluationResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("determination " + row.getId() + ": unreadable result: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The records this node evaluated a moment ago, as evaluated, by id: the claim's grant step and
     * the audit index take a record's result and facts from here instead of inflating and parsing
     * the stored text again (in {@code ./bench claims} about a sixth of what our steps add to a
     * claim's JVM time). Only while the stored record says the same: its result's SHA-256 and its facts'
     * text equal to what was evaluated; anything else is read as stored. Read-only values; a
     * transaction that rolled back leaves an entry no record will ask for, pushed out in turn.
     */
    private final Map<Long, Recent> recent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(RECENT * 2, 0.75f) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Recent> eldest) {
            return size() > RECENT;
        }
    });
    /** How many records {@link #recent} holds: a round of claims between evaluation and approval, a few MB. */
    static final int RECENT = 512;

    private record Recent(String resultSha256, String factsJson, Household household, EvaluationResponse response) {
    }

    /**
     * A record's result, typed: as this node evaluated it a moment ago when the record stores that
     * very result (its SHA-256), else read from the record ({@link #response(DeterminationRow)}).
     * For the steps that act on a record just made (the grant, the index); an auditor's view reads
     * the record as stored.
     */
    public EvaluationResponse recentResponse(DeterminationRow row) {
        Recent r = row.getId() == null ? null : recent.get(row.getId());
        return r != null && r.resultSha256() != null && r.resultSha256().equals(row.getResultSha256()) ? r.response() : response(row);
    }

    /** A record's facts, typed: as evaluated a moment ago when the record stores those very facts, else read from it. */
    public Household recentHousehold(DeterminationRow row) {
        Recent r = row.getId() == null ? null : recent.get(row.getId());
        if (r != null && r.factsJson().equals(row.getFactsJson())) {
            return r.household();
        }
        try {
            return canonical.readValue(row.getFactsJson(), Household.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("determination " + row.getId() + ": unreadable facts: " + e.getOriginalMessage(), e);
        }
    }

    /** A result as written by {@link #json(Object)} (a replay's), typed. */
    public EvaluationResponse response(String resultJson) {
        try {
            return canonical.readValue(resultJson, EvaluationResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable result: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The outcome of checking the chain: intact, or the first seal that does not hold; records
     * left unsealed longer than the sealer ever takes make it not intact either.
     */
    public record ChainReport(boolean intact, long records, int unsealedLate, Long brokenAtSeq, String problem) {
    }

    /** Seals what is pending, then recomputes every seal's hash and link; finds a changed, inserted or deleted record. */
    @Transactional(readOnly = true)
    public ChainReport verifyChain() {
        return verifyChain(checked -> { });
    }

    /** As {@link #verifyChain()}, telling {@code progress} how many records are checked after each page. */
    @Transactional(readOnly = true)
    public ChainReport verifyChain(java.util.function.LongConsumer progress) {
        // in a transaction of its own (a self-call does not pass the transactional proxy)
        separately.execute(tx -> seal());
        Instant lateBefore = clock.instant().minus(LATE);
        DeterminationMapper.ChainHead head = mapper.readChainHead();
        List<ChainScan.Segment> segments;
        try {
            if (org.springframework.transaction.support.TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
                // on its own: the committed chain, one segment per core, each on a connection of its own
                segments = ChainScan.scan(dataSource, head.getLastSeq(), Runtime.getRuntime().availableProcessors(), lateBefore, progress);
            } else {
                // within a caller's transaction that may have written: the chain as that transaction sees it
                java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
                try {
                    long[] done = {0};
                    segments = List.of(ChainScan.segment(c, 1, head.getLastSeq() + 1, lateBefore, n -> progress.accept(done[0] += n)));
                } finally {
                    org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(c, dataSource);
                }
            }
        } catch (java.sql.SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("the chain could not be read", e);
        }
        String previous = GENESIS;
        long count = 0;
        long sealedBefore = 0;
        for (ChainScan.Segment s : segments) {
            if (s.firstPrev() != null && !s.firstPrev().equals(previous)) {
                return new ChainReport(false, count, 0, s.from(), "does not link to the record before it");
            }
            if (s.problem() != null) {
                return new ChainReport(false, count + s.records(), 0, s.brokenAtSeq(), s.problem());
            }
            count += s.records();
            sealedBefore += s.recordedBefore();
            previous = s.lastHash();
        }
        if (count != head.getLastSeq() || !head.getLastHash().equals(previous)) {
            return new ChainReport(false, count, 0, count + 1, "the chain head names record " + head.getLastSeq()
                    + ": records after " + count + " were deleted");
        }
        // sealed since the head was read: checked next time; but nothing may sit beyond the head
        DeterminationMapper.ChainHead now = mapper.lockChainHead();
        Long beyond = mapper.maxSealSeq();
        if (beyond != null && beyond > now.getLastSeq()) {
            return new ChainReport(false, count, 0, now.getLastSeq() + 1, "record " + beyond + " is beyond the chain's head ("
                    + now.getLastSeq() + "): inserted behind the sealer's back");
        }
        // records in no seal: none when no more were recorded before the cut-off than the scan found sealed (each seal names
        // a record of its own, each one found present), an index range counted; only otherwise looked up one by one (an
        // anti-join over the whole table, a fifth of the verification's CPU on 200,000 records: ./bench replay)
        int late = mapper.countRecordedBefore(lateBefore) <= sealedBefore ? 0 : mapper.countUnsealedBefore(lateBefore);
        return new ChainReport(late == 0, count, late, null, late == 0 ? null : late + " record(s) older than "
                + LATE.toMinutes() + " minutes are in no seal (inserted behind the sealer's back, or the sealer is stopped)");
    }

    /** The result of evaluating a sealed record's facts again. */
    public record Replay(long determinationId, boolean identical, String firstDifference, String replayedJson) {
    }

    /** Evaluates the sealed facts again as of the same date, with the versions known at the same instant. */
    @Transactional(readOnly = true)
    public Replay replay(long determinationId) {
        DeterminationRow row = mapper.find(determinationId);
        if (row == null) {
            throw new IllegalArgumentException("no determination " + determinationId);
        }
        return replay(row);
    }

    /**
     * The columns of a sealed record read by JDBC, its seal first, the record after (null when it
     * was deleted), the result as text, when asked for, at position 14, the compressed result and
     * its SHA-256 (the records made since V39) last: {@link #readSealed} reads them.
     */
    public static String sealedColumns(boolean withResult) {
        return "s.seq, s.prev_hash, s.hash, s.determination_id, d.id, d.claim_id, d.as_of, d.known_at, d.period_from, d.period_to,"
                + " d.benefits, d.facts_json, d.versions_json," + (withResult ? " d.result_json," : "")
                + " d.engine_version, d.recorded_at, d.scope, d.records_json, d.result_sha256, d.result_z";
    }

    /** FROM a seal joined to its record (which may be gone), for {@link #sealedColumns}. */
    public static final String SEALED_FROM = " FROM determination_seal s LEFT JOIN determination d ON d.id = s.determination_id";

    /**
     * The current row of a query over {@link #sealedColumns}, typed as the mapper types it (the
     * seal's hash holds only if it is): the seal, and the record unless it was deleted (then no
     * claim id). The result is read as text only when {@code readResult}; a caller that hashes it
     * may read its bytes itself (column 14).
     */
    public static DeterminationRow readSealed(java.sql.ResultSet rs, boolean withResult, boolean readResult) throws java.sql.SQLException {
        DeterminationRow r = new DeterminationRow();
        r.setSeq(rs.getLong(1));
        r.setPrevHash(rs.getString(2));
        r.setHash(rs.getString(3));
        r.setSealedId(rs.getLong(4));
        if (rs.getObject(5) == null) {
            return r;
        }
        r.setId(rs.getLong(5));
        r.setClaimId(rs.getLong(6));
        r.setAsOf(rs.getObject(7, LocalDate.class));
        r.setKnownAt(rs.getTimestamp(8).toInstant());
        r.setPeriodFrom(rs.getString(9));
        r.setPeriodTo(rs.getString(10));
        r.setBenefits(rs.getString(11));
        r.setFactsJson(rs.getString(12));
        r.setVersionsJson(rs.getString(13));
        if (withResult && readResult) {
            r.setResultJson(rs.getString(RESULT_TEXT));
        }
        int next = withResult ? RESULT_TEXT + 1 : RESULT_TEXT;
        r.setEngineVersion(rs.getString(next + ENGINE));
        r.setRecordedAt(rs.getTimestamp(next + RECORDED).toInstant());
        r.setScope(rs.getString(next + SCOPE));
        r.setRecordsJson(rs.getString(next + RECORDS));
        // a record made since V39: its result compressed, with its SHA-256 (small, in the row: read always)
        r.setResultSha256(rs.getString(next + RESULT_SHA));
        r.setResultZ(rs.getBytes(next + RESULT_Z));
        return r;
    }

    /** Where {@link #sealedColumns} puts the result's text (when asked for), and the columns after it, counted from it. */
    private static final int RESULT_TEXT = 14;
    private static final int ENGINE = 0;
    private static final int RECORDED = 1;
    private static final int SCOPE = 2;
    private static final int RECORDS = 3;
    private static final int RESULT_SHA = 4;
    private static final int RESULT_Z = 5;

    private static final String REPLAY_PAGE = "SELECT " + sealedColumns(false) + SEALED_FROM + " WHERE s.seq >= ? ORDER BY s.seq LIMIT ?";

    /**
     * A page of the chain for a bulk replay, without the records' results, read straight from JDBC
     * in the caller's transaction (the fields typed as the mapper types them: the seal's hash holds
     * only if they are). A result is most of a record and lies off the row in MariaDB: not reading
     * it halves the database's work per record ({@code ./bench replay}). A deleted record's seal
     * comes with no claim id.
     */
    public List<DeterminationRow> chainForReplay(long fromSeq, int limit) {
        java.sql.Connection c = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
        try (java.sql.PreparedStatement st = c.prepareStatement(REPLAY_PAGE)) {
            st.setLong(1, fromSeq);
            st.setInt(2, limit);
            List<DeterminationRow> page = new java.util.ArrayList<>(Math.min(limit, 1000));
            try (java.sql.ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    page.add(readSealed(rs, false, false));
                }
            }
            return page;
        } catch (java.sql.SQLException e) {
            throw new org.springframework.dao.DataAccessResourceFailureException("the chain could not be read for a replay", e);
        } finally {
            org.springframework.jdbc.datasource.DataSourceUtils.releaseConnection(c, dataSource);
        }
    }

    /**
     * Replays a sealed record as decided without its stored result: the result evaluated again,
     * put in the stored one's place, gives the record's seal hash exactly when it is the result
     * that was sealed, byte for byte, and the rest of the record is as sealed. That the stored text
     * itself is still the sealed one is the chain verification's to say. False means "look closer"
     * ({@link #replay(DeterminationRow)} on the whole record says what differs).
     */
    public boolean replaysToItsSeal(DeterminationRow sealedWithoutResult) {
        EvaluationResponse replayed = evaluateAgain(sealedWithoutResult, sealedWithoutResult.getKnownAt());
        if (sealedWithoutResult.getResultZ() != null) {
            // stored compressed (since V39): the replayed text's SHA-256 in the sealed one's place, with the
            // compressed bytes as stored; equal to the seal exactly when the text is the sealed one
            java.security.MessageDigest text = SealedResult.digest();
            try {
                canonical.writeValue(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), text), replayed);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the replayed result could not be written", e);
            }
            String sha = java.util.HexFormat.of().formatHex(text.digest());
            return hash(sealedWithoutResult, out -> SealedResult.writeSealed(out, null, sha, sealedWithoutResult.getResultZ()))
                    .equals(sealedWithoutResult.getHash());
        }
        // written by the JSON generator straight into the digest, a buffer at a time
        return hash(sealedWithoutResult, out -> canonical.writeValue(out, replayed)).equals(sealedWithoutResult.getHash());
    }

    /** As {@link #replay(long)}, of a record already read. */
    public Replay replay(DeterminationRow row) {
        try {
            String replayed = json(evaluateAgain(row, row.getKnownAt()));
            String difference = replayed.equals(row.getResultJson()) ? null
                    : firstDifference(canonical.readTree(row.getResultJson()), canonical.readTree(replayed), "$");
            return new Replay(row.getId(), difference == null, difference, replayed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("determination " + row.getId() + ": unreadable result", e);
        }
    }

    /**
     * The record's facts evaluated again, as of the same date, over the same period, in the same
     * scope and with the same system records, under the table versions known at {@code knownAt}:
     * the record's own instant replays it as decided; now, as the rules are known today.
     */
    public EvaluationResponse evaluateAgain(DeterminationRow row, Instant knownAt) {
        try {
            Household household = canonical.readValue(row.getFactsJson(), Household.class);
            EvaluationRequest request = new EvaluationRequest(household, row.getAsOf(),
                    new EvaluationRequest.Span(YearMonth.parse(row.getPeriodFrom()), YearMonth.parse(row.getPeriodTo())),
                    Arrays.asList(row.getBenefits().split(",")), knownAt);
            // a record made before the system's records were sealed replays without them
            boolean claimLike = SCOPE_CLAIM.equals(row.getScope()) || SCOPE_PAYMENT.equals(row.getScope());
            return !claimLike ? evaluations.evaluate(request)
                    : row.getRecordsJson() == null ? evaluations.evaluateClaim(request)
                    : SCOPE_PAYMENT.equals(row.getScope())
                    ? evaluations.evaluatePayment(request, canonical.readValue(row.getRecordsJson(), SystemRecords.class))
                    : evaluations.evaluateClaim(request, canonical.readValue(row.getRecordsJson(), SystemRecords.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("determination " + row.getId() + ": unreadable facts", e);
        }
    }

    /** One record with its seal (null seal fields while unsealed), or empty. */
    public Optional<DeterminationRow> find(long determinationId) {
        return Optional.ofNullable(mapper.find(determinationId));
    }

    /** The household the record was decided on. */
    public Household facts(DeterminationRow row) {
        try {
            return canonical.readValue(row.getFactsJson(), Household.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("determination " + row.getId() + ": unreadable facts", e);
        }
    }

    /** A JSON text as the canonical reader reads it (amounts exact). */
    public JsonNode tree(String jsonText) {
        try {
            return canonical.readTree(jsonText);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON", e);
        }
    }

    /** A page of the chain in seal order from a position on (a seal whose record was deleted comes with no claim id). */
    public List<DeterminationRow> chain(long fromSeq, int limit) {
        return mapper.findChain(fromSeq, limit);
    }

    /** Whether one sealed record holds: its content gives its hash, and it links to the seal before it. */
    public record SealCheck(boolean sealed, boolean hashHolds, boolean linkHolds, String recomputedHash) {
        public boolean holds() {
            return sealed && hashHolds && linkHolds;
        }
    }

    public SealCheck check(DeterminationRow row) {
        if (row.getSeq() == null) {
            return new SealCheck(false, false, false, null);
        }
        String recomputed = hash(row);
        String before = row.getSeq() == 1 ? GENESIS : mapper.findChain(row.getSeq() - 1, 1).stream().findFirst()
                .map(DeterminationRow::getHash).orElse(null);
        return new SealCheck(true, recomputed.equals(row.getHash()), row.getPrevHash().equals(before), recomputed);
    }

    /** SHA-256 of a text's UTF-8 bytes, hex. */
    public static String sha256(String text) {
        return TableCompiler.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The head of the chain: the last position sealed and its hash (GENESIS at 0). */
    public record Head(long seq, String hash) {
    }

    public Head head() {
        DeterminationMapper.ChainHead h = mapper.readChainHead();
        return new Head(h.getLastSeq(), h.getLastHash());
    }

    public String json(Object value) {
        try {
            return canonical.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every table version the result names, id to SHA-256 (from the objects: no second parse of the JSON). */
    private static Map<String, String> versionsUsed(EvaluationResponse response) {
        Map<String, String> versions = new TreeMap<>();
        for (var benefit : response.determination().benefits()) {
            for (var item : benefit.items()) {
                if (item.version() != null) {
                    versions.put(item.version().id(), item.version().sha256());
                }
            }
        }
        if (response.period() != null) {
            for (var benefit : response.period().benefits()) {
                for (var subject : benefit.subjects()) {
                    for (var segment : subject.segments()) {
                        if (segment.version() != null) {
                            versions.put(segment.version().id(), segment.version().sha256());
                        }
                    }
                }
            }
        }
        return versions;
    }

    /** The hash a record's seal holds: of its content, its position and the hash before it (public for the offline verifier). */
    public static String hash(DeterminationRow r) {
        String text = r.getStoredResultJson();
        byte[] utf8 = text == null ? null : text.getBytes(StandardCharsets.UTF_8);
        return hash(r, out -> SealedResult.writeSealed(out, utf8, r.getResultSha256(), r.getResultZ()));
    }

    /**
     * The record's hash with {@code result} (UTF-8) in place of its stored result: the SHA-256 of
     * its fields joined by line feeds, fed to the digest field by field (no joined copy).
     */
    public static String hash(DeterminationRow r, byte[] result) {
        return hash(r, out -> out.write(result));
    }

    /** How a result is written into a record's hash: its UTF-8 bytes, in order. */
    public interface ResultBytes {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
    }

    /** As {@link #hash(DeterminationRow, byte[])}, the result written straight into the digest (no copy of it held). */
    public static String hash(DeterminationRow r, ResultBytes result) {
        return hash(new byte[][]{utf8(Long.toString(r.getSeq())), utf8(Long.toString(r.getClaimId())), utf8(r.getAsOf().toString()),
                        utf8(r.getKnownAt().toString()), utf8(r.getPeriodFrom()), utf8(r.getPeriodTo()), utf8(r.getBenefits()),
                        utf8(r.getFactsJson()), utf8(r.getVersionsJson())}, result,
                new byte[][]{utf8(r.getEngineVersion()), utf8(r.getRecordedAt().toString()), utf8(r.getPrevHash())},
                utf8(r.getScope()), r.getRecordsJson() == null ? null : utf8(r.getRecordsJson()));
    }

    /**
     * MySQL/MariaDB: the bytes {@link #hash(byte[][], ResultBytes, byte[][], byte[], byte[])} digests, joined by the
     * server from a query over {@link #SEALED_FROM} (the same fields in the same order, instants as
     * {@link Instant#toString()} writes a DATETIME(3) in UTC, a missing text as "null"): the chain's
     * verification digests this one column instead of reading twenty (Connector/J's work per column was
     * most of the verification's CPU). NULL when the record is gone (or, with a warning, were it larger
     * than the server's max_allowed_packet: the verification reports it).
     */
    static final String JOINED_MYSQL = "CONCAT(s.seq, X'0A', d.claim_id, X'0A', DATE_FORMAT(d.as_of, '%Y-%m-%d'), X'0A', "
            + isoInstantSql("d.known_at") + ", X'0A', d.period_from, X'0A', d.period_to, X'0A', d.benefits, X'0A', d.facts_json, X'0A',"
            + " d.versions_json, X'0A', IFNULL(d.result_json, ''),"
            + " IF(d.result_z IS NULL, '', CONCAT(X'00', IFNULL(d.result_sha256, 'null'), X'00', d.result_z)),"
            + " X'0A', d.engine_version, X'0A', " + isoInstantSql("d.recorded_at") + ", X'0A', s.prev_hash,"
            + " IF(d.scope = '" + SCOPE_FULL + "', '', CONCAT(X'0A', d.scope)), IF(d.records_json IS NULL, '', CONCAT(X'0A', d.records_json)))";

    /** A DATETIME in UTC as {@link Instant#toString()} writes it: no fraction when it is zero, else 3 digits (or 6). */
    private static String isoInstantSql(String column) {
        return "IF(MICROSECOND(" + column + ") = 0, DATE_FORMAT(" + column + ", '%Y-%m-%dT%H:%i:%sZ'),"
                + " IF(MICROSECOND(" + column + ") % 1000 = 0, CONCAT(DATE_FORMAT(" + column + ", '%Y-%m-%dT%H:%i:%s.'),"
                + " LPAD(MICROSECOND(" + column + ") DIV 1000, 3, '0'), 'Z'), DATE_FORMAT(" + column + ", '%Y-%m-%dT%H:%i:%s.%fZ')))";
    }

    /** The hash of a record from the bytes {@link #JOINED_MYSQL} joined. */
    static String hashOfJoined(byte[] joined) {
        return java.util.HexFormat.of().formatHex(SealedResult.digest().digest(joined));
    }

    /** A field's text as the hash takes it: its UTF-8 bytes, "null" for none. */
    private static byte[] utf8(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[] FULL = utf8(SCOPE_FULL);

    /**
     * The one definition of a record's hash, over its fields' UTF-8 bytes in this order: the nine
     * before the result, each followed by a line feed; the result; a line feed before each of the
     * three after it; the scope unless FULL; the system's records when there are any. The chain's
     * verification on MySQL/MariaDB has the server join the same bytes ({@link #JOINED_MYSQL}): a
     * change here is a change there (PaymentSafetyTest holds the two together on every shape of record).
     */
    private static String hash(byte[][] before, ResultBytes result, byte[][] after, byte[] scope, byte[] records) {
        java.security.MessageDigest sha = SealedResult.digest();
        for (byte[] field : before) {
            sha.update(field);
            sha.update(LINE);
        }
        try {
            result.writeTo(new java.security.DigestOutputStream(java.io.OutputStream.nullOutputStream(), sha));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the result could not be written", e);
        }
        for (byte[] field : after) {
            sha.update(LINE);
            sha.update(field);
        }
        // the scope is sealed too; FULL, the scope of the records made before it existed, adds nothing
        if (!Arrays.equals(FULL, scope)) {
            sha.update(LINE);
            sha.update(scope);
        }
        // the system's records used, when there were any (none before they were sealed)
        if (records != null) {
            sha.update(LINE);
            sha.update(records);
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static final byte[] LINE = {'\n'};

    private static String firstDifference(JsonNode a, JsonNode b, String path) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            Iterator<String> names = a.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String d = b.has(name) ? firstDifference(a.get(name), b.get(name), path + "." + name) : path + "." + name + " (missing)";
                if (d != null) {
                    return d;
                }
            }
            return path + " (new fields)";
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String d = firstDifference(a.get(i), b.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return path + " (length " + a.size() + " vs " + b.size() + ")";
        }
        return path + ": " + a + " was, " + b + " now";
    }
}
