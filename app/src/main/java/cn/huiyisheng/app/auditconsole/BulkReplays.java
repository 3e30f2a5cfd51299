package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.auditconsole.persistence.AuditIndexMapper;
import cn.huiyisheng.app.auditconsole.persistence.ReplayRunMapper;
import cn.huiyisheng.app.auditconsole.persistence.ReplayRunRow;
import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.processes.audit.ReplayProcess;
import cn.huiyisheng.processes.audit.ReplaySteps;
import cn.huiyisheng.rules.engine.Engine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bulk replays (issue 12 §3): every sealed record the filters select (the search's: days recorded,
 * benefit, version…) replayed as decided, or as the rules are known at the run's start, in chunks
 * of the chain, each a job of the replay-run process that any node's job executor runs. A chunk
 * counts once (its row and items are written in its job's transaction): a node dying mid-chunk
 * leaves the job to be run again, so a run resumes after a crash. Cancelled, the chunks not run
 * yet replay nothing. The result: identical, drifted (by cause: the correction version, a
 * withdrawal, or the engine) and failed records, the total amount drift, each record that differs.
 */
@Service
public class BulkReplays implements ReplaySteps {

    public enum Mode { AS_DECIDED, AS_KNOWN_NOW }

    public enum Status { RUNNING, DONE, CANCELLED, FAILED }

    private final ReplayRunMapper mapper;
    private final SealedDeterminations determinations;
    private final DeterminationIndex index;
    private final AuditRecords records;
    private final AuditSearch search;
    private final RuntimeService runtime;
    private final ObjectMapper json;
    private final Clock clock;
    private final int span;
    private final org.springframework.transaction.support.TransactionTemplate inOne;
    /**
     * Chunks replayed at once on this node: as many as it has cores (replaying only computes; the
     * job executor runs more threads than cores, for claims' steps that mostly wait on the database).
     */
    private final java.util.concurrent.Semaphore replaying = new java.util.concurrent.Semaphore(Runtime.getRuntime().availableProcessors());

    public BulkReplays(ReplayRunMapper mapper, SealedDeterminations determinations, DeterminationIndex index, AuditRecords records,
                       AuditSearch search, RuntimeService runtime, ObjectMapper json, Clock clock,
                       org.springframework.transaction.PlatformTransactionManager transactions,
                       @Value("${huiyisheng.audit.replay-chunk:1000}") int span) {
        this.mapper = mapper;
        this.inOne = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.determinations = determinations;
        this.index = index;
        this.records = records;
        this.search = search;
        this.runtime = runtime;
        this.json = json;
        this.clock = clock;
        this.span = span;
    }

    /** A run as the console shows it: progress, and the result once done. */
    public record Run(long id, String mode, Status status, Map<String, Object> criteria, Instant knownAt, int chunksTotal, int chunksDone,
                      long recordsTotal, long recordsDone, boolean cancelRequested, String startedBy, Instant startedAt, Instant finishedAt,
                      Result result) {
        public int percent() {
            return chunksTotal == 0 ? 100 : (int) Math.min(100, (long) chunksDone * 100 / chunksTotal);
        }

        public boolean running() {
            return status == Status.RUNNING;
        }
    }

    /** What a run found: how many records identical, drifted, failed; the amount; by cause. */
    public record Result(long records, long identical, long drifted, long failed, BigDecimal amountDrift, List<Cause> causes, String failure) {
    }

    public record Cause(String cause, long records, BigDecimal amount) {
    }

    /**
     * Starts a run over what the filters select (every sealed record so far indexed first); 400 when
     * they select nothing. The sealer's and the indexer's passes commit on their own first (their
     * heads are locked only for their own pass, not while the run's process starts); the run's row
     * and its process start in one transaction.
     */
    public Run start(Mode mode, AuditSearch.Query query, String auditor) {
        if (mode == null) {
            throw new BadInput("mode", "REQUIRED", "mode is AS_DECIDED or AS_KNOWN_NOW", "请选择重放方式");
        }
        AuditIndexMapper.Criteria criteria = search.criteria(query, auditor, new ArrayList<>());
        determinations.seal();
        index.index();
        long id = inOne.execute(tx -> {
            ReplayRunMapper.Range range = mapper.range(criteria);
            if (range.getRecords() == 0 || range.getMinSeq() == null) {
                throw new BadInput("criteria", "NONE", "no sealed record matches these filters", "没有符合条件的判定记录");
            }
            ReplayRunRow row = new ReplayRunRow();
            row.setMode(mode.name());
            row.setCriteriaJson(write(criteria));
            row.setKnownAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
            row.setStatus(Status.RUNNING.name());
            row.setSeqFrom(range.getMinSeq());
            row.setSeqSpan(span);
            row.setChunksTotal((int) ((range.getMaxSeq() - range.getMinSeq()) / span + 1));
            row.setRecordsTotal(range.getRecords());
            row.setStartedBy(auditor);
            row.setStartedAt(clock.instant());
            mapper.insert(row);
            String pi = runtime.startProcessInstanceByKey(ReplayProcess.PROCESS_ID, ReplayProcess.businessKey(row.getId()),
                    Variables.createVariables().putValue(ReplayProcess.RUN_ID, row.getId())).getId();
            mapper.setProcessInstance(row.getId(), pi);
            return row.getId();
        });
        return find(id);
    }

    public Run find(long id) {
        ReplayRunRow r = mapper.find(id);
        if (r == null) {
            throw new ApiErrors.NotFound("no replay run " + id);
        }
        return view(r);
    }

    public List<Run> latest(int limit) {
        return mapper.latest(limit).stream().map(this::view).toList();
    }

    @Transactional
    public Run cancel(long id) {
        Run run = find(id);
        if (mapper.requestCancel(id) == 0) {
            throw new Conflict("NOT_RUNNING", "replay run " + id + " is " + run.status());
        }
        return find(id);
    }

    /** The records that did not replay identically, in chain order, a page at a time. */
    public List<ReplayRunMapper.ItemRow> items(long id, int limit, long offset) {
        find(id);
        return mapper.items(id, limit, offset);
    }

    private Run view(ReplayRunRow r) {
        Result result = null;
        if (r.getResultJson() != null) {
            try {
                result = json.readValue(r.getResultJson(), Result.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("replay run " + r.getId() + ": unreadable result", e);
            }
        }
        Map<String, Object> criteria;
        try {
            criteria = json.readValue(r.getCriteriaJson(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        criteria.values().removeIf(java.util.Objects::isNull);
        criteria.remove("personKey"); // a person's key says nothing to a reader, and is not shown
        // the days as the auditor chose them (Asia/Shanghai, both included), not the instants they stand for
        criteria.computeIfPresent("from", (k, v) -> Instant.parse(String.valueOf(v)).atZone(AuditSearch.SHANGHAI).toLocalDate().toString());
        criteria.computeIfPresent("to", (k, v) -> Instant.parse(String.valueOf(v)).minusMillis(1).atZone(AuditSearch.SHANGHAI).toLocalDate()
                .toString());
        return new Run(r.getId(), r.getMode(), Status.valueOf(r.getStatus()), criteria, r.getKnownAt(), r.getChunksTotal(), r.getChunksDone(),
                r.getRecordsTotal(), r.getRecordsDone(), r.isCancelRequested(), r.getStartedBy(), r.getStartedAt(), r.getFinishedAt(), result);
    }

    // ---------------------------------------------------------------- the process's steps

    @Override
    @Transactional
    public void plan(long runId) {
        ReplayRunRow run = mapper.find(runId);
        if (run == null) {
            throw new IllegalStateException("no replay run " + runId);
        }
        for (int chunk = 0; chunk < run.getChunksTotal(); chunk++) {
            runtime.startProcessInstanceByKey(ReplayProcess.CHUNK_PROCESS_ID, ReplayProcess.chunkKey(runId, chunk),
                    Variables.createVariables().putValue(ReplayProcess.RUN_ID, runId).putValue(ReplayProcess.CHUNK, chunk));
        }
    }

    /** What a chunk found. */
    private static final class Tally {
        int identical;
        int drifted;
        int failed;
        BigDecimal amount = BigDecimal.ZERO;
        final Map<String, Object[]> causes = new TreeMap<>();
        final List<ReplayRunMapper.ItemRow> items = new ArrayList<>();

        void add(ReplayRunMapper.ItemRow item) {
            if (item == null) {
                identical++;
                return;
            }
            items.add(item);
            if ("FAILED".equals(item.getOutcome())) {
                failed++;
            } else {
                drifted++;
                amount = amount.add(item.getAmountDrift());
            }
            Object[] c = causes.computeIfAbsent(item.getCause(), k -> new Object[]{0L, BigDecimal.ZERO});
            c[0] = (Long) c[0] + 1;
            c[1] = ((BigDecimal) c[1]).add(item.getAmountDrift() == null ? BigDecimal.ZERO : item.getAmountDrift());
        }
    }

    @Override
    @Transactional
    public void replayChunk(long runId, int chunk) {
        ReplayRunRow run = mapper.find(runId);
        if (run == null) {
            throw new IllegalStateException("no replay run " + runId);
        }
        if (mapper.hasChunk(runId, chunk)) {
            return; // counted already
        }
        Tally tally = new Tally();
        if (!run.isCancelRequested() && Status.RUNNING.name().equals(run.getStatus())) {
            long fromSeq = run.getSeqFrom() + (long) chunk * run.getSeqSpan();
            Set<Long> selected = new HashSet<>(mapper.idsInRange(read(run.getCriteriaJson()), fromSeq, fromSeq + run.getSeqSpan()));
            if (!selected.isEmpty()) {
                replaying.acquireUninterruptibly();
                try {
                    if (Mode.AS_DECIDED.name().equals(run.getMode())) {
                        // compared through the seal, the results not read; only a record that differs is read whole
                        for (DeterminationRow row : determinations.chainForReplay(fromSeq, run.getSeqSpan())) {
                            if (row.getClaimId() != null && selected.contains(row.getId())) {
                                tally.add(replaysToItsSeal(row) ? null : replay(run, determinations.chain(row.getSeq(), 1).get(0)));
                            }
                        }
                    } else {
                        for (DeterminationRow row : determinations.chain(fromSeq, run.getSeqSpan())) {
                            if (row.getClaimId() != null && selected.contains(row.getId())) {
                                tally.add(replay(run, row));
                            }
                        }
                    }
                } finally {
                    replaying.release();
                }
            }
        }
        for (int i = 0; i < tally.items.size(); i += 500) {
            mapper.insertItems(tally.items.subList(i, Math.min(tally.items.size(), i + 500)));
        }
        Map<String, Map<String, Object>> causes = new TreeMap<>();
        tally.causes.forEach((k, v) -> causes.put(k, Map.of("records", v[0], "amount", v[1])));
        int done = tally.identical + tally.drifted + tally.failed;
        mapper.insertChunk(runId, chunk, done, tally.identical, tally.drifted, tally.failed, tally.amount, write(causes), clock.instant());
        mapper.chunkDone(runId, done);
        // the run's row is locked by this update until commit: exactly one chunk reads the total
        if (mapper.chunksDone(runId) == run.getChunksTotal()) {
            runtime.createMessageCorrelation(ReplayProcess.MESSAGE_CHUNKS_DONE)
                    .processInstanceBusinessKey(ReplayProcess.businessKey(runId)).correlate();
        }
    }

    /** One record replayed: null when identical (or unchanged as known now), else what differs; a failure is an item too. */
    private ReplayRunMapper.ItemRow replay(ReplayRunRow run, DeterminationRow row) {
        ReplayRunMapper.ItemRow item = new ReplayRunMapper.ItemRow();
        item.setRunId(run.getId());
        item.setDeterminationId(row.getId());
        item.setSeq(row.getSeq());
        item.setClaimId(row.getClaimId());
        try {
            if (Mode.AS_DECIDED.name().equals(run.getMode())) {
                if (!SealedDeterminations.hash(row).equals(row.getHash())) {
                    // found in passing: the record is not as sealed, whatever its replay says
                    item.setOutcome("FAILED");
                    item.setCause("ALTERED");
                    item.setDetail("the record's content does not match its seal (altered after it was sealed)");
                    return item;
                }
                SealedDeterminations.Replay r = determinations.replay(row);
                if (r.identical()) {
                    return null;
                }
                item.setOutcome("DRIFTED");
                item.setCause(Engine.VERSION.equals(row.getEngineVersion()) ? "ENGINE " + Engine.VERSION + " (unchanged version)"
                        : "ENGINE " + row.getEngineVersion() + " → " + Engine.VERSION);
                BigDecimal before = DeterminationIndex.total(determinations.response(row));
                BigDecimal after = DeterminationIndex.total(determinations.response(r.replayedJson()));
                item.setAmountDrift((after == null ? BigDecimal.ZERO : after).subtract(before == null ? BigDecimal.ZERO : before));
                item.setDetail(cut(r.firstDifference()));
                return item;
            }
            AuditRecords.AsKnownNow now = records.replayAsKnownAt(row, run.getKnownAt());
            if (now.unchanged()) {
                return null;
            }
            item.setOutcome("DRIFTED");
            item.setCause(cut(String.join(", ", now.drifts().stream().map(AuditRecords.Drift::cause).distinct().toList())));
            item.setAmountDrift(now.amountDrift());
            item.setDetail(cut(String.join("; ", now.drifts().stream().map(d -> d.benefit() + " " + d.subject() + " " + d.from()
                    + (d.from().equals(d.to()) ? "" : "–" + d.to()) + ": " + d.amountThen() + " → " + d.amountNow()).toList())));
            return item;
        } catch (RuntimeException e) {
            item.setOutcome("FAILED");
            item.setCause("FAILED");
            item.setDetail(cut(e.toString()));
            return item;
        }
    }

    /** The fast check of one record; a failure to evaluate is looked at closer, where it is told. */
    private boolean replaysToItsSeal(DeterminationRow row) {
        try {
            return determinations.replaysToItsSeal(row);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String cut(String s) {
        return s == null ? null : s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(long runId, int chunk, String reason) {
        String text = reason == null ? "" : reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        mapper.finish(runId, Status.FAILED.name(), clock.instant(),
                write(new Result(0, 0, 0, 0, BigDecimal.ZERO, List.of(), "chunk " + chunk + ": " + text)));
    }

    @Override
    @Transactional
    public void summarise(long runId) {
        ReplayRunRow run = mapper.find(runId);
        if (run == null || !Status.RUNNING.name().equals(run.getStatus())) {
            return;
        }
        long identical = 0;
        long drifted = 0;
        long failed = 0;
        BigDecimal amount = BigDecimal.ZERO;
        Map<String, Object[]> causes = new TreeMap<>();
        for (ReplayRunMapper.ChunkRow c : mapper.chunks(runId)) {
            identical += c.getIdentical();
            drifted += c.getDrifted();
            failed += c.getFailed();
            amount = amount.add(c.getAmountDrift());
            Map<String, Map<String, Object>> chunkCauses;
            try {
                chunkCauses = json.readValue(c.getCausesJson(), new TypeReference<Map<String, Map<String, Object>>>() { });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            chunkCauses.forEach((k, v) -> {
                Object[] t = causes.computeIfAbsent(k, x -> new Object[]{0L, BigDecimal.ZERO});
                t[0] = (Long) t[0] + ((Number) v.get("records")).longValue();
                t[1] = ((BigDecimal) t[1]).add(new BigDecimal(String.valueOf(v.get("amount"))));
            });
        }
        List<Cause> byCause = new ArrayList<>();
        causes.forEach((k, v) -> byCause.add(new Cause(k, (Long) v[0], ((BigDecimal) v[1]).setScale(2, java.math.RoundingMode.HALF_UP))));
        byCause.sort((a, b) -> Long.compare(b.records(), a.records()));
        Result result = new Result(identical + drifted + failed, identical, drifted, failed, amount.setScale(2, java.math.RoundingMode.HALF_UP),
                byCause, null);
        mapper.finish(runId, (run.isCancelRequested() ? Status.CANCELLED : Status.DONE).name(), clock.instant(), write(result));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuditIndexMapper.Criteria read(String text) {
        try {
            return json.readValue(text, AuditIndexMapper.Criteria.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a replay run's filters could not be read", e);
        }
    }
}
