package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.processes.audit.AuditSteps;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verifying both chains in full (issue 12 §4): on demand from the console, in the background with
 * its progress (records checked of those sealed), one at a time on a node; and every night through
 * the chain-verification process, whose job fails (an incident) when a chain does not hold and
 * then signs a checkpoint.
 */
@Service
public class ChainChecks implements AuditSteps {

    private final SealedDeterminations determinations;
    private final SecurityTrail trail;
    private final Checkpoints checkpoints;
    private final Clock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "chain-verification");
        t.setDaemon(true);
        return t;
    });
    private volatile Run last;

    public ChainChecks(SealedDeterminations determinations, SecurityTrail trail, Checkpoints checkpoints, Clock clock) {
        this.determinations = determinations;
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** A verification of both chains: its progress while it runs, its reports once done. */
    public static final class Run {
        public final String by;
        public final Instant startedAt;
        public final long determinationsTotal;
        public final long securityTotal;
        final AtomicLong determinationsChecked = new AtomicLong();
        final AtomicLong securityChecked = new AtomicLong();
        volatile SealedDeterminations.ChainReport determinations;
        volatile SecurityTrail.ChainReport security;
        volatile String failure;
        volatile Instant finishedAt;

        Run(String by, Instant startedAt, long determinationsTotal, long securityTotal) {
            this.by = by;
            this.startedAt = startedAt;
            this.determinationsTotal = determinationsTotal;
            this.securityTotal = securityTotal;
        }

        public long getDeterminationsChecked() { return determinationsChecked.get(); }
        public long getSecurityChecked() { return securityChecked.get(); }
        public long getDeterminationsTotal() { return determinationsTotal; }
        public long getSecurityTotal() { return securityTotal; }
        public String getBy() { return by; }
        public Instant getStartedAt() { return startedAt; }
        public Instant getFinishedAt() { return finishedAt; }
        public boolean isRunning() { return finishedAt == null; }
        public SealedDeterminations.ChainReport getDeterminations() { return determinations; }
        public SecurityTrail.ChainReport getSecurity() { return security; }
        public String getFailure() { return failure; }

        /** Percent of all records checked so far (both chains). */
        public int getPercent() {
            long total = determinationsTotal + securityTotal;
            return total == 0 ? (isRunning() ? 0 : 100) : (int) Math.min(100, (getDeterminationsChecked() + getSecurityChecked()) * 100 / total);
        }

        public boolean isIntact() {
            return !isRunning() && failure == null && determinations != null && determinations.intact() && security != null && security.intact();
        }

        /** Records checked per second, over the whole run (both chains). */
        public long getRate() {
            Instant end = finishedAt == null ? Instant.now() : finishedAt;
            long ms = Math.max(1, java.time.Duration.between(startedAt, end).toMillis());
            return (getDeterminationsChecked() + getSecurityChecked()) * 1000 / ms;
        }
    }

    /** Starts a verification in the background, or gives the one running. */
    public synchronized Run start(String by) {
        if (last != null && last.isRunning()) {
            return last;
        }
        Run run = new Run(by, clock.instant(), determinations.head().seq(), trail.head().seq());
        last = run;
        background.submit(() -> {
            try {
                run.determinations = determinations.verifyChain(run.determinationsChecked::set);
                run.security = trail.verify(run.securityChecked::set);
            } catch (RuntimeException e) {
                run.failure = e.getMessage();
            } finally {
                run.finishedAt = clock.instant();
            }
        });
        return run;
    }

    /** The latest verification on this node, or null. */
    public Run last() {
        return last;
    }

    /** Outside the job's transaction: the determination chain's head is locked only for the verification's own moments. */
    @Override
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public String verifyChains() {
        SealedDeterminations.ChainReport d = determinations.verifyChain();
        SecurityTrail.ChainReport s = trail.verify();
        StringBuilder problem = new StringBuilder();
        if (!d.intact()) {
            problem.append("determinations").append(d.brokenAtSeq() == null ? "" : " " + d.brokenAtSeq()).append(": ").append(d.problem());
        }
        if (!s.intact()) {
            problem.append(problem.isEmpty() ? "" : "; ").append("security trail").append(s.brokenAtSeq() == null ? "" : " " + s.brokenAtSeq())
                    .append(": ").append(s.problem());
        }
        return problem.isEmpty() ? null : problem.toString();
    }

    @Override
    @org.springframework.transaction.annotation.Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public String signCheckpoint() {
        return checkpoints.write().file();
    }
}
