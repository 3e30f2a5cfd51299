package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Users;
import cn.huiyisheng.app.web.Forbidden;
import cn.huiyisheng.app.payments.persistence.PaymentLine;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.app.payments.persistence.PaymentRunRow;
import cn.huiyisheng.app.payments.persistence.RunFileRow;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.processes.payment.PaymentProcess;
import cn.huiyisheng.processes.payment.PaymentSteps;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Payment runs: collect what is due, write the bank files, import the bank's return file and
 * reconcile. A payment is unique per entitlement and period, and moves SCHEDULED -> IN_RUN ->
 * PAID (or FAILED, then due again): the move into a run is one atomic statement and only an
 * IN_RUN payment of the same run can be marked, so reruns, concurrent runs and restarts never pay
 * anything twice.
 */
@Service
@Transactional
public class Payments implements PaymentSteps {

    /** The bank file's columns; {@code note} names the correction a top-up pays ("补发 SPECIAL_SUPPORT-v5"), empty otherwise. */
    static final List<String> HEADER = List.of("reference", "payee_name", "payee_id_number", "bank_account", "amount", "period", "benefit",
            "claim", "note");
    static final String RETURN_HEADER = "reference,status,reason";

    private final PaymentMapper mapper;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;
    private final Users users;
    private final SecurityTrail trail;
    private final BankFiles.Encoding bankFileEncoding;
    private final RecurringEntitlements recurring;
    private final Corrections corrections;
    private final Confirmations confirmations;
    private final Recoveries recoveries;
    private final cn.huiyisheng.app.notifications.Notifications notifications;

    public Payments(PaymentMapper mapper, RuntimeService runtime, TaskService tasks, AuditLog audit, ObjectMapper json, Clock clock,
                    Users users, SecurityTrail trail,
                    @org.springframework.beans.factory.annotation.Value("${huiyisheng.payments.bank-file-encoding:UTF_8_BOM}")
                    BankFiles.Encoding bankFileEncoding, RecurringEntitlements recurring, Corrections corrections,
                    Confirmations confirmations, Recoveries recoveries, cn.huiyisheng.app.notifications.Notifications notifications) {
        this.notifications = notifications;
        this.recoveries = recoveries;
        this.bankFileEncoding = bankFileEncoding;
        this.confirmations = confirmations;
        this.corrections = corrections;
        this.recurring = recurring;
        this.mapper = mapper;
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.users = users;
        this.trail = trail;
    }

    /** Starts a run on demand for the current month. */
    /** A run as its officer and the API see it: status, counts, totals and its bank files. */
    public record RunView(long id, String month, String status, String startedBy, Instant startedAt, Instant filesWrittenAt,
                          Instant reconciledAt, int payments, BigDecimal total, List<FileView> files, Outcome outcome,
                          Determining determining, Composition composition) {
    }

    /**
     * What a run pays, by kind: the months due (regular) and the top-ups a correction gave (补发), each
     * as due; and what it withholds of them to recover overpayments (the bank is paid the rest); the
     * entitlements held for a reviewer are not in it ({@link #heldNow()}).
     */
    public record Composition(long regular, BigDecimal regularTotal, long topUps, BigDecimal topUpTotal, long withheld,
                              BigDecimal withheldTotal) {
    }

    /** How many standing entitlements wait for a reviewer now: no run pays their months until one decides. */
    public int heldNow() {
        return mapper.countHeld();
    }

    private Composition composition(long runId) {
        long regular = 0;
        long topUps = 0;
        BigDecimal regularTotal = BigDecimal.ZERO.setScale(2);
        BigDecimal topUpTotal = BigDecimal.ZERO.setScale(2);
        long withheld = 0;
        BigDecimal withheldTotal = BigDecimal.ZERO.setScale(2);
        for (PaymentMapper.StatusTotal k : mapper.countRunByKind(runId)) {
            if ("WITHHELD".equals(k.status())) {
                withheld += k.count();
                withheldTotal = withheldTotal.add(k.total());
            } else if ("TOP_UP".equals(k.status())) {
                topUps += k.count();
                topUpTotal = topUpTotal.add(k.total());
            } else {
                regular += k.count();
                regularTotal = regularTotal.add(k.total());
            }
        }
        return new Composition(regular, regularTotal.setScale(2), topUps, topUpTotal.setScale(2), withheld, withheldTotal.setScale(2));
    }

    /**
     * How far the run's determination of the standing entitlements' months has come: chunks done of
     * all (0 of 0: none), and how many chunks failed every retry (an incident each, for an operator
     * to retry in Cockpit: the run waits for them, the chunks done stay done).
     */
    public record Determining(int chunksDone, int chunksTotal, long chunksFailed) {
    }

    private Determining determining(PaymentRunRow r) {
        long failed = 0;
        if ("STARTED".equals(r.getStatus()) && r.getChunksDone() < r.getChunksTotal()) {
            failed = runtime.createProcessInstanceQuery().processDefinitionKey(PaymentProcess.CHUNK_PROCESS_ID)
                    .processInstanceBusinessKeyLike(PaymentProcess.chunkKeyPrefix(r.getId()) + "%").withIncident().count();
        }
        return new Determining(r.getChunksDone(), r.getChunksTotal(), failed);
    }

    /** What the bank did, once the run is reconciled: paid and failed, counted and summed, and each failure with its reason. */
    public record Outcome(long paid, BigDecimal paidTotal, long failed, BigDecimal failedTotal, List<Failure> failures) {
    }

    public record Failure(String reference, String claim, String benefit, String period, BigDecimal amount, String reason) {
    }

    /** What a run started now would pay, by payer (shown before the officer confirms). */
    public record Due(String payer, String payerZh, String payerEn, long count, BigDecimal total) {
    }

    public List<Due> dueNow(CurrentUser officer) {
        return mapper.dueNow(YearMonth.now(clock).toString(), officer.personKey()).stream()
                .map(d -> {
                    cn.huiyisheng.rules.facts.Payer payer = cn.huiyisheng.rules.facts.Payer.valueOf(d.status());
                    return new Due(d.status(), payer.zh(), payer.en(), d.count(), d.total().setScale(2));
                }).toList();
    }

    /** The outcome recorded when the run was reconciled; null before. */
    private Outcome outcome(PaymentRunRow r) {
        try {
            return r.getOutcomeJson() == null ? null : json.readValue(r.getOutcomeJson(), Outcome.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("run " + r.getId() + ": unreadable outcome", e);
        }
    }

    public record FileView(String payer, String filename, int lines, BigDecimal total, String sha256, String download) {
    }

    /** A bank file to download: its name and bytes. */
    public record BankFile(String filename, byte[] content, java.nio.charset.Charset charset) {
    }

    private RunView view(PaymentRunRow r) {
        List<FileView> files = files(r.getId()).stream().map(f -> new FileView(f.getPayer(), f.getFilename(),
                f.getLineCount(), f.getTotal(), f.getSha256(), "/api/payment-runs/" + r.getId() + "/files/" + f.getPayer())).toList();
        return new RunView(r.getId(), r.getRunMonth(), r.getStatus(), r.getStartedBy(), r.getStartedAt(), r.getFilesWrittenAt(),
                r.getReconciledAt(), r.getPaymentCount(), r.getTotal(), files, outcome(r),
                determining(r), composition(r.getId()));
    }

    public RunView startRun(CurrentUser officer) {
        return view(start(officer));
    }

    /** Every run, newest first, with its files and, once reconciled, its outcome. */
    public List<RunView> runViews() {
        return runs().stream().map(this::view).toList();
    }

    public RunView runView(long runId) {
        return view(run(runId));
    }

    public BankFile bankFile(long runId, String payer, CurrentUser reader) {
        RunFileRow f = file(runId, payer, reader);
        return new BankFile(f.getFilename(), f.getContent(), f.getContent().length >= 3 && f.getContent()[0] == (byte) 0xEF
                ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName("GB18030"));
    }

    /**
     * Every problem of a refused return file as a spreadsheet (UTF-8 with a byte-order mark): where,
     * the code, and the explanation in Chinese and in English. Cells are neutralised like a bank file's.
     */
    public BankFile returnFileProblems(long runId, List<Problem> problems) {
        List<List<String>> rows = problems.stream().map(p -> List.of(BankFiles.text(p.path()), p.code(), BankFiles.text(p.zh()),
                BankFiles.text(p.message()))).toList();
        return new BankFile("run-" + runId + "-return-file-problems.csv",
                BankFiles.write(List.of("位置 where", "代码 code", "说明", "explanation"), rows, BankFiles.Encoding.UTF_8_BOM),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** What the bank failed to pay in a reconciled run, with its reasons, as a spreadsheet (empty when nothing failed). */
    public BankFile failures(long runId) {
        Outcome outcome = outcome(run(runId));
        if (outcome == null) {
            throw new Conflict("NOT_RECONCILED", "run " + runId + " is not reconciled yet: nothing to list");
        }
        List<List<String>> rows = outcome.failures().stream().map(f -> List.of(f.reference(), f.claim(), f.benefit(), f.period(),
                f.amount().toPlainString(), BankFiles.text(f.reason() == null ? "" : f.reason()))).toList();
        return new BankFile("run-" + runId + "-failed-payments.csv", BankFiles.write(List.of("支付编号 reference", "申请编号 claim",
                "待遇 benefit", "期间 period", "金额 amount", "银行说明 reason"), rows, BankFiles.Encoding.UTF_8_BOM),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public RunView importReturn(long runId, CurrentUser officer, byte[] content) {
        return view(importReturnFile(runId, officer, content));
    }

    /**
     * The run in progress (started, collected, or awaiting or reconciling its return file), if any:
     * while it is, no other run starts.
     */
    public java.util.Optional<RunView> inProgress() {
        return mapper.findRunsInProgress().stream().findFirst().map(this::view);
    }

    /** A run cannot start while another is in progress: which, since when, by whom, and what to do. */
    public static class RunInProgress extends Conflict {
        private final transient PaymentRunRow run;

        RunInProgress(PaymentRunRow run) {
            super("RUN_IN_PROGRESS", "run " + run.getId() + " (started by " + run.getStartedBy() + ") is " + run.getStatus()
                    + ": import its return file before starting another run");
            this.run = run;
        }

        public long runId() {
            return run.getId();
        }

        public String status() {
            return run.getStatus();
        }

        public String startedBy() {
            return run.getStartedBy();
        }

        public Instant startedAt() {
            return run.getStartedAt();
        }
    }

    public PaymentRunRow start(CurrentUser officer) {
        String username = officer.username();
        List<PaymentRunRow> open = mapper.findRunsInProgress();
        if (!open.isEmpty()) {
            throw new RunInProgress(open.get(0));
        }
        PaymentRunRow run;
        try {
            run = newRun(username);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another node (or request) started one in the same instant: the database's marker decides
            throw mapper.findRunsInProgress().stream().findFirst().map(RunInProgress::new).orElseThrow(() -> raced);
        }
        ProcessInstance pi = runtime.startProcessInstanceByMessage(PaymentProcess.MESSAGE_RUN_REQUESTED, "RUN-" + run.getId(),
                Map.of(PaymentProcess.RUN_ID, run.getId()));
        mapper.setRunProcess(run.getId(), pi.getId());
        audit.run(run.getId(), username, "RUN_STARTED", "month " + run.getRunMonth());
        trail.record(username, SecurityTrail.Type.PAYMENT_RUN, "OK", "run " + run.getId(), "started, month " + run.getRunMonth());
        return mapper.findRun(run.getId());
    }

    private PaymentRunRow newRun(String username) {
        return newRun(username, "STARTED");
    }

    private PaymentRunRow newRun(String username, String status) {
        PaymentRunRow run = new PaymentRunRow();
        run.setRunMonth(YearMonth.now(clock).toString());
        run.setStatus(status);
        run.setStartedBy(username);
        run.setStartedAt(clock.instant());
        run.setPaymentCount(0);
        run.setTotal(BigDecimal.ZERO.setScale(2));
        mapper.insertRun(run);
        return run;
    }

    /** Standing entitlements determined in one chunk (one job, one transaction); setting {@code huiyisheng.payments.chunk-size}. */
    static final int CHUNK_SIZE = 1000;
    private int chunkSize = CHUNK_SIZE;

    @org.springframework.beans.factory.annotation.Value("${huiyisheng.payments.chunk-size:1000}")
    void setChunkSize(int chunkSize) {
        if (chunkSize < 1 || chunkSize > 100_000) {
            throw new IllegalArgumentException("huiyisheng.payments.chunk-size must be 1..100000, not " + chunkSize);
        }
        this.chunkSize = chunkSize;
    }
    /**
     * Chunks determined at once on this node: as many as it has cores (the job executor runs more
     * threads; a chunk mostly computes, as a simulation's does: see PolicyImpacts).
     */
    private final java.util.concurrent.Semaphore determining = new java.util.concurrent.Semaphore(
            Math.max(1, Runtime.getRuntime().availableProcessors()));

    @Override
    public Prepared prepare(Long runId, String processInstanceId) {
        PaymentRunRow run;
        if (runId != null) {
            run = mapper.findRun(runId);
        } else if (!mapper.findRunsInProgress().isEmpty()) {
            // the monthly timer, while an officer's run is in progress: this month's run is that one
            PaymentRunRow open = mapper.findRunsInProgress().get(0);
            run = newRun(AuditLog.SYSTEM, "SKIPPED");
            mapper.setRunProcess(run.getId(), processInstanceId);
            audit.run(run.getId(), AuditLog.SYSTEM, "SKIPPED", "run " + open.getId() + " is in progress (" + open.getStatus() + ")");
            return new Prepared(run.getId(), 0);
        } else {
            run = newRun(AuditLog.SYSTEM);
        }
        if (run.getProcessInstanceId() == null) {
            // a run the monthly timer started: remember its process, whose return-file step it waits at
            mapper.setRunProcess(run.getId(), processInstanceId);
            run.setProcessInstanceId(processInstanceId);
        }
        if (!"STARTED".equals(run.getStatus()) || run.getChunksTotal() > 0) {
            return new Prepared(run.getId(), 0); // prepared already: this step is being retried
        }
        YearMonth month = YearMonth.parse(run.getRunMonth());
        // the months already paid that a version published since corrects: top-ups (paid in this run) and overpayments
        Corrections.Checked corrected = corrections.check(month);
        if (corrected.topUps() + corrected.overpayments() > 0) {
            audit.run(run.getId(), AuditLog.SYSTEM, "CORRECTED", corrected.topUps() + " top-up(s), " + corrected.topUpTotal() + " yuan; "
                    + corrected.overpayments() + " overpayment(s), " + corrected.overpaidTotal() + " yuan, for a reviewer");
        }
        // yearly confirmations: reminders, and suspension past the grace period
        Confirmations.Checked confirmed = confirmations.check();
        if (confirmed.reminded() + confirmed.suspended() > 0) {
            audit.run(run.getId(), AuditLog.SYSTEM, "CONFIRMATIONS", confirmed.reminded() + " reminder(s), " + confirmed.suspended()
                    + " entitlement(s) suspended");
        }
        // the standing entitlements' months come due, determined in chunks of ids, each a job of its own
        List<Long> due = mapper.findRecurringDueIds(month.toString());
        int chunks = (due.size() + chunkSize - 1) / chunkSize;
        for (int c = 0; c < chunks; c++) {
            List<Long> ids = due.subList(c * chunkSize, Math.min(due.size(), (c + 1) * chunkSize));
            mapper.insertRunChunk(run.getId(), c, ids.get(0), ids.get(ids.size() - 1));
        }
        if (chunks > 0) {
            mapper.setRunChunks(run.getId(), chunks);
            for (int c = 0; c < chunks; c++) {
                runtime.startProcessInstanceByKey(PaymentProcess.CHUNK_PROCESS_ID, PaymentProcess.chunkKey(run.getId(), c),
                        Map.of(PaymentProcess.RUN_ID, run.getId(), PaymentProcess.CHUNK, c));
            }
            audit.run(run.getId(), AuditLog.SYSTEM, "DETERMINING", due.size() + " standing entitlement(s) come due, in " + chunks
                    + " chunk(s)");
        }
        return new Prepared(run.getId(), chunks);
    }

    @Override
    public void determineChunk(long runId, int chunk) {
        PaymentMapper.RunChunk c = mapper.findRunChunk(runId, chunk);
        if (c == null) {
            throw new IllegalStateException("run " + runId + " has no chunk " + chunk);
        }
        if (c.doneAt() != null) {
            return; // done already: the job is being retried after its commit
        }
        PaymentRunRow run = mapper.findRun(runId);
        RecurringEntitlements.Determined d;
        determining.acquireUninterruptibly();
        try {
            d = recurring.determineRange(YearMonth.parse(run.getRunMonth()), c.fromId(), c.toId());
        } finally {
            determining.release();
        }
        mapper.setRunChunkDone(runId, chunk, d.entitlements(), d.payments(), d.closed(), clock.instant());
        mapper.runChunkCounted(runId);
        // the run's row is locked by this update until commit: every other chunk's count is either in
        // (committed before) or waits for this one, so exactly one chunk sees the total
        if (mapper.findRun(runId).getChunksDone() == run.getChunksTotal()) {
            PaymentMapper.RunChunk sum = mapper.sumRunChunks(runId);
            audit.run(runId, AuditLog.SYSTEM, "DETERMINED", sum.entitlements() + " standing entitlement(s) determined, "
                    + sum.payments() + " payment(s) scheduled, " + sum.closed() + " ended");
            runtime.createMessageCorrelation(PaymentProcess.MESSAGE_RUN_DETERMINED).processInstanceId(run.getProcessInstanceId())
                    .correlate();
        }
    }

    @Override
    public long collect(Long runId, String processInstanceId) {
        PaymentRunRow run = mapper.findRun(runId);
        if (!"STARTED".equals(run.getStatus())) {
            return run.getId(); // collected already (this step is being retried), or a skipped run
        }
        // an officer's run never takes a payment of a claim of their own household: it stays due, for
        // another officer's run or the monthly one
        String officerKey = AuditLog.SYSTEM.equals(run.getStartedBy()) ? null : users.current(run.getStartedBy()).personKey();
        mapper.takeDuePayments(run.getId(), run.getRunMonth(), officerKey);
        // the overpayments a reviewer scheduled for recovery: withheld from their persons' payments now collected
        recoveries.withhold(run.getId());
        // counted and summed by the database: a run of 100,000 payments is not read here
        PaymentMapper.StatusTotal taken = mapper.countRun(run.getId());
        int count = (int) taken.count();
        BigDecimal total = taken.total().setScale(2);
        mapper.setRunCollected(run.getId(), count, total);
        audit.run(run.getId(), AuditLog.SYSTEM, "COLLECTED", count + " payment(s), " + total + " yuan");
        if (count == 0) {
            // the process ends here: the run says so instead of staying "collected"
            mapper.setRunStatus(run.getId(), "NOTHING_DUE", clock.instant());
            audit.run(run.getId(), AuditLog.SYSTEM, "NOTHING_DUE", "no payment was due");
        }
        return run.getId();
    }

    @Override
    public boolean hasPayments(long runId) {
        return mapper.findRun(runId).getPaymentCount() > 0;
    }

    @Override
    public void writeBankFiles(long runId) {
        PaymentRunRow run = mapper.findRun(runId);
        if (!"COLLECTED".equals(run.getStatus())) {
            return; // written already
        }
        // streamed in payer order (a household's lines are together: its facts are read once and never
        // kept); the files are stored once the stream is closed (a streamed result holds its connection)
        Map<String, List<List<String>>> byPayer = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new HashMap<>();
        try (org.apache.ibatis.cursor.Cursor<PaymentLine> lines = mapper.streamLinesOfRun(runId)) {
            String claimRead = null;
            Household h = null;
            for (PaymentLine line : lines) {
                if (!line.getClaimReference().equals(claimRead)) {
                    h = read(line.getHouseholdJson());
                    claimRead = line.getClaimReference();
                }
                Person payee = line.getSubjectPath().startsWith("$.spouse") && h.spouse() != null ? h.spouse() : h.applicant();
                byPayer.computeIfAbsent(line.getPayer(), p -> new ArrayList<>()).add(List.of(reference(line.getPaymentId()),
                        BankFiles.text(payee.name()), BankFiles.text(payee.idNumber()), BankFiles.text(line.getBankAccount()),
                        line.getAmount().toPlainString(), BankFiles.text(line.getPeriod()), BankFiles.text(line.getBenefit()),
                        BankFiles.text(line.getClaimReference()),
                        note(line)));
                totals.merge(line.getPayer(), line.getAmount(), BigDecimal::add);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("run " + runId + ": the payments could not be read", e);
        }
        byPayer.forEach((payer, rows) -> writeFile(runId, payer, rows, totals.get(payer).setScale(2)));
        int files = byPayer.size();
        mapper.setRunStatus(runId, "FILES_WRITTEN", clock.instant());
        audit.run(runId, AuditLog.SYSTEM, "FILES_WRITTEN", files + " bank file(s)");
    }

    /** A line's note: the correction a top-up pays, what it withholds to recover an overpayment. */
    private static String note(PaymentLine line) {
        List<String> parts = new ArrayList<>();
        if (line.getCorrection() != null) {
            parts.add("补发 top-up " + line.getCorrection());
        }
        if (line.getWithheld() != null && line.getWithheld().signum() > 0) {
            parts.add("扣回多发 " + line.getWithheld().setScale(2).toPlainString() + " withheld (overpayment)");
        }
        return parts.isEmpty() ? "" : BankFiles.text(String.join("; ", parts));
    }

    private void writeFile(long runId, String payer, List<List<String>> rows, BigDecimal total) {
        byte[] content = BankFiles.write(HEADER, rows, bankFileEncoding);
        RunFileRow file = new RunFileRow();
        file.setRunId(runId);
        file.setPayer(payer);
        file.setFilename("HYS-RUN-" + runId + "-" + payer + ".csv");
        file.setContent(content);
        file.setSha256(TableCompiler.sha256(content));
        file.setLineCount(rows.size());
        file.setTotal(total);
        mapper.insertRunFile(file);
    }

    public static String reference(long paymentId) {
        return "HYS-P-" + paymentId;
    }


    /**
     * The payment officer imports the bank's return file: one line per payment of the run,
     * {@code reference,status,reason} with status PAID or FAILED. Every problem is reported by line
     * and nothing changes unless the whole file is right; then the run's reconciliation proceeds.
     */
    public PaymentRunRow importReturnFile(long runId, CurrentUser officer, byte[] content) {
        String username = officer.username();
        PaymentRunRow run = run(runId);
        if (officer.personKey() != null && mapper.countLinesOfRunWithParty(runId, officer.personKey()) > 0) {
            trail.refused(username, "run " + runId + " return file", "CONFLICT_OF_INTEREST");
            throw new Forbidden("CONFLICT_OF_INTEREST", "run " + runId + " pays a claim of your own household:"
                    + " another payment officer must import its return file");
        }
        if (!"FILES_WRITTEN".equals(run.getStatus())) {
            throw new Conflict("NOT_AWAITING_RETURN", "run " + runId + " is " + run.getStatus() + ", not waiting for a return file");
        }
        List<Problem> problems = new ArrayList<>();
        Map<Long, String> lines = parseReturn(runId, content, problems);
        Set<Long> expected = new TreeSet<>();
        mapper.findLinesOfRun(runId).forEach(l -> expected.add(l.getPaymentId()));
        Set<Long> missing = new TreeSet<>(expected);
        missing.removeAll(lines.keySet());
        // a payment the bank says nothing about may or may not have been paid: never guess (reported with
        // the file's other problems, all at once; a file that cannot be read at all was refused above)
        missing.forEach(m -> problems.add(new Problem("line *", "MISSING_PAYMENTS",
                "the return file must answer for every payment of the run; no line for " + reference(m),
                "回盘文件须列出本批次每一笔支付的结果；缺少 " + reference(m))));
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        Task task = tasks.createTaskQuery().processInstanceId(run.getProcessInstanceId())
                .taskDefinitionKey(PaymentProcess.TASK_IMPORT_RETURN_FILE).singleResult();
        if (task == null) {
            throw new Conflict("NOT_AWAITING_RETURN", "run " + runId + " has no open return-file step");
        }
        mapper.setRunReturnFile(runId, content, TableCompiler.sha256(content));
        audit.run(runId, username, "RETURN_IMPORTED", lines.size() + " line(s)");
        trail.record(username, SecurityTrail.Type.PAYMENT_RUN, "OK", "run " + runId, "return file imported, " + lines.size() + " line(s)");
        tasks.complete(task.getId());
        return mapper.findRun(runId);
    }

    private Map<Long, String> parseReturn(long runId, byte[] content) {
        List<Problem> problems = new ArrayList<>();
        Map<Long, String> result = parseReturn(runId, content, problems);
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        return result;
    }

    /** The lines of a return file by payment id; what is wrong with it is added to {@code problems}, line by line. */
    private Map<Long, String> parseReturn(long runId, byte[] content, List<Problem> problems) {
        Map<Long, String> result = new LinkedHashMap<>();
        Set<Long> inRun = new TreeSet<>();
        mapper.findLinesOfRun(runId).forEach(l -> inRun.add(l.getPaymentId()));
        List<BankFiles.Line> rows;
        try {
            rows = BankFiles.read(content);
        } catch (IllegalArgumentException e) {
            throw new BadInput("line 1", "FORMAT", e.getMessage(), "不是有效的CSV文件");
        }
        if (rows.isEmpty() || !String.join(",", rows.get(0).cells()).strip().equalsIgnoreCase(RETURN_HEADER)) {
            throw new BadInput("line 1", "HEADER", "the first line must be `" + RETURN_HEADER + "`", "首行须为列名 " + RETURN_HEADER);
        }
        for (BankFiles.Line line : rows.subList(1, rows.size())) {
            List<String> f = line.cells().stream().map(String::strip).toList();
            if (f.stream().allMatch(String::isEmpty)) {
                continue;
            }
            String where = "line " + line.number();
            String row = String.join(",", f);
            if (f.size() < 2 || !f.get(0).startsWith("HYS-P-")) {
                problems.add(new Problem(where, "FORMAT", "expected `HYS-P-<n>,PAID|FAILED[,reason]`, found `" + row + "`",
                        "格式错误：应为 支付编号,PAID或FAILED,原因"));
                continue;
            }
            long id;
            try {
                id = Long.parseLong(f.get(0).substring(6));
            } catch (NumberFormatException e) {
                problems.add(new Problem(where, "FORMAT", "not a payment reference: `" + f.get(0) + "`", "支付编号无效：" + f.get(0)));
                continue;
            }
            String status = f.get(1).toUpperCase();
            String reason = f.size() > 2 ? String.join(",", f.subList(2, f.size())).strip() : "";
            if (!inRun.contains(id)) {
                problems.add(new Problem(where, "NOT_IN_RUN", f.get(0) + " is not a payment of run " + runId, f.get(0) + " 不属于本批次"));
            } else if (!status.equals("PAID") && !status.equals("FAILED")) {
                problems.add(new Problem(where, "STATUS", "status must be PAID or FAILED, found `" + f.get(1) + "`", "状态须为PAID或FAILED"));
            } else if (result.put(id, status + (reason.isEmpty() ? "" : "," + reason)) != null) {
                problems.add(new Problem(where, "DUPLICATE", f.get(0) + " appears twice", f.get(0) + " 重复出现"));
            }
        }
        return result;
    }

    @Override
    public void reconcile(long runId) {
        PaymentRunRow run = mapper.findRun(runId);
        if ("RECONCILED".equals(run.getStatus())) {
            return;
        }
        Map<Long, String> lines = parseReturn(runId, run.getReturnFile());
        Map<Long, PaymentLine> ofRun = new HashMap<>();
        mapper.findLinesOfRun(runId).forEach(l -> ofRun.put(l.getPaymentId(), l));
        int paid = 0;
        int failed = 0;
        BigDecimal paidTotal = BigDecimal.ZERO.setScale(2);
        BigDecimal failedTotal = BigDecimal.ZERO.setScale(2);
        List<Failure> failures = new ArrayList<>();
        for (Map.Entry<Long, String> e : lines.entrySet()) {
            String[] parts = e.getValue().split(",", 2);
            PaymentLine line = ofRun.get(e.getKey());
            if (parts[0].equals("PAID")) {
                if (mapper.markPaid(e.getKey(), runId, clock.instant()) == 1) {
                    paid++;
                    paidTotal = paidTotal.add(line.getAmount());
                }
            } else {
                String reason = parts.length > 1 ? parts[1] : "failed at the bank";
                if (mapper.markFailed(e.getKey(), runId, reason) == 1) {
                    failed++;
                    failedTotal = failedTotal.add(line.getAmount());
                    failures.add(new Failure(reference(e.getKey()), line.getClaimReference(), line.getBenefit(), line.getPeriod(),
                            line.getAmount(), reason));
                }
            }
        }
        try {
            mapper.setRunOutcome(runId, json.writeValueAsString(new Outcome(paid, paidTotal, failed, failedTotal, failures)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        recoveries.settle(runId);
        // each applicant paid by this run is told so, with the run's reconciliation
        notifications.paidInRun(runId);
        mapper.setRunStatus(runId, "RECONCILED", clock.instant());
        audit.run(runId, AuditLog.SYSTEM, "RECONCILED", paid + " paid, " + failed + " failed (due again next run)");
    }

    public PaymentRunRow run(long runId) {
        PaymentRunRow run = mapper.findRun(runId);
        if (run == null) {
            throw new ApiErrors.NotFound("no payment run " + runId);
        }
        return run;
    }

    public List<PaymentRunRow> runs() {
        return mapper.findRuns();
    }

    public List<RunFileRow> files(long runId) {
        run(runId);
        return mapper.findRunFiles(runId);
    }

    /** A bank file (names, ID numbers, accounts): every download is recorded. */
    public RunFileRow file(long runId, String payer, CurrentUser reader) {
        RunFileRow file = mapper.findRunFile(runId, payer);
        if (file == null) {
            throw new ApiErrors.NotFound("run " + runId + " has no bank file for " + payer);
        }
        trail.record(reader.username(), SecurityTrail.Type.READ_BANK_FILE, "OK", "run " + runId + " file " + payer,
                file.getLineCount() + " line(s)");
        return file;
    }

    private Household read(String text) {
        try {
            return json.readValue(text, Household.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored household unreadable", e);
        }
    }
}
