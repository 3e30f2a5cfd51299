package cn.huiyisheng.app.audit;

import cn.huiyisheng.app.audit.persistence.SecurityEventMapper;
import cn.huiyisheng.app.audit.persistence.SecurityEventRow;
import cn.huiyisheng.rules.compile.TableCompiler;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The security trail: who did or tried what, when, from where, and the outcome. Events are plain
 * inserts (cheap on the paths that make them); a sealer chains them within seconds, in the order
 * it finds them, into {@code security_seal}, so that {@link #verify()} finds any changed, deleted
 * or inserted event. Nothing personal goes into an event: targets name claims and runs by their
 * references; an ID number or a bank account never.
 */
@Service
public class SecurityTrail {

    public static final String GENESIS = "0".repeat(64);
    /** An event is sealed within seconds; one still unsealed after this is reported by {@link #verify()}. */
    static final Duration LATE = Duration.ofMinutes(5);
    /**
     * How far before the newest sealed event the sealer looks for events committed late (an
     * event's transaction commits within seconds of its stamp; a minute is ample).
     */
    static final Duration LATE_COMMIT = Duration.ofMinutes(1);

    public enum Type {
        SIGN_IN, SIGN_IN_FAILED, SIGN_IN_THROTTLED, REGISTERED, ACCESS_REFUSED, READ_HOUSEHOLD, READ_BANK_FILE, DECISION, PAYMENT_RUN, POLICY_CHANGE,
        /** An auditor reads personal data of the record (facts unmasked, a search by resident ID), with the reason given. */
        AUDIT_READ
    }

    private final SecurityEventMapper mapper;
    private final cn.huiyisheng.app.audit.persistence.AuditEventWriter writer;
    private final Clock clock;
    private final TransactionTemplate separately;

    public SecurityTrail(SecurityEventMapper mapper, cn.huiyisheng.app.audit.persistence.AuditEventWriter writer, Clock clock,
                         PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.writer = writer;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Records an event in the caller's transaction (it commits with what it records), or by itself when there is none. */
    public void record(String actor, Type type, String outcome, String target, String detail) {
        record(actor, currentAddress(), type, outcome, target, detail);
    }

    public void record(String actor, String address, Type type, String outcome, String target, String detail) {
        writer.insertSecurityEvent(clock.instant().truncatedTo(ChronoUnit.MILLIS), actor == null || actor.isBlank() ? "-" : cut(actor, 64),
                address == null ? null : cut(address, 45), type.name(), outcome, target == null ? null : cut(target, 200),
                detail == null ? null : cut(detail, 500));
    }

    /**
     * Records a refused access in a transaction of its own: the refusal usually rolls back the
     * caller's work, and must not take its record with it.
     */
    public void refused(String actor, String target, String why) {
        refused(actor, currentAddress(), target, why);
    }

    public void refused(String actor, String address, String target, String why) {
        separately.executeWithoutResult(tx -> record(actor, address, Type.ACCESS_REFUSED, "REFUSED", target, why));
    }

    /** A sign-in refused by throttling, in a transaction of its own. */
    public void refusedSignIn(String actor, String address, String why) {
        separately.executeWithoutResult(tx -> record(actor, address, Type.SIGN_IN_THROTTLED, "REFUSED", null, why));
    }

    /** Failed sign-ins of an account, or from an address, since an instant, newest first (at most {@code limit}). */
    public List<Instant> failures(String actor, String address, Instant since, int limit) {
        return mapper.latestAt(actor, address, Type.SIGN_IN_FAILED.name(), since, limit);
    }

    /** What the auditors' trail page filters on; null is "any"; instants half-open [from, to). */
    public record Filter(String actor, String type, String outcome, String target, String address, Instant from, Instant to) {
    }

    /** One event as the auditors read it, with its place in the chain once sealed. */
    public record Entry(long id, Instant at, String actor, String address, String type, String outcome, String target, String detail,
                        Long seq) {
    }

    /** A page of the trail, newest first, and how many events match. */
    public record Page(List<Entry> entries, long total) {
    }

    public Page search(Filter filter, int limit, long offset) {
        List<Entry> entries = mapper.search(filter, limit, offset).stream().map(r -> new Entry(r.getId(), r.getAt(), r.getActor(), r.getAddress(),
                r.getType(), r.getOutcome(), r.getTarget(), r.getDetail(), r.getSeq())).toList();
        return new Page(entries, offset == 0 && entries.size() < limit ? entries.size() : mapper.countMatching(filter));
    }

    public List<SecurityEventRow> latest(String actor, String type, int limit) {
        return mapper.find(actor, type, Math.max(1, Math.min(limit, 1000)));
    }

    /** The address of the request being served, if any (the client's, behind a trusted proxy). */
    public static String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a) {
            HttpServletRequest request = a.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** Chains the events not sealed yet; on one node at a time (the chain head is locked). */
    @Scheduled(fixedDelayString = "${huiyisheng.security-trail.seal-every:PT2S}")
    @Transactional
    public int seal() {
        SecurityEventMapper.ChainHead head = mapper.lockChainHead();
        // a minute before the newest sealed event, or before now if the clock was set back (see SealedDeterminations.since)
        Instant now = clock.instant();
        Instant since = head.lastEventAt() == null ? Instant.EPOCH
                : (now.isBefore(head.lastEventAt()) ? now : head.lastEventAt()).minus(LATE_COMMIT);
        List<SecurityEventRow> pending = mapper.findUnsealed(since, 1000);
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.lastSeq();
        String previous = head.lastHash();
        Instant latest = head.lastEventAt();
        for (SecurityEventRow e : pending) {
            e.setSeq(++seq);
            e.setPrevHash(previous);
            e.setHash(hash(e));
            previous = e.getHash();
            latest = latest == null || e.getAt().isAfter(latest) ? e.getAt() : latest;
        }
        mapper.insertSeals(pending, clock.instant());
        mapper.advanceChainHead(seq, previous, latest);
        return pending.size();
    }

    /** The last pass when the service stops, so that a clean shutdown leaves nothing unsealed. */
    @jakarta.annotation.PreDestroy
    void sealOnShutdown() {
        try {
            separately.execute(tx -> seal());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SecurityTrail.class)
                    .warn("security events not sealed at shutdown (the next start seals them): {}", e.getMessage());
        }
    }

    /** The outcome of checking the trail: intact, or the first seal that does not hold. */
    public record ChainReport(boolean intact, long sealed, int unsealedLate, Long brokenAtSeq, String problem) {
    }

    /** Seals what is pending, then recomputes every seal's hash and link. */
    public ChainReport verify() {
        return verify(checked -> { });
    }

    /** As {@link #verify()}, telling {@code progress} how many seals are checked after each page. */
    public ChainReport verify(java.util.function.LongConsumer progress) {
        // in a transaction of its own: called from here, seal()'s annotation is not seen (no proxy in
        // between), and the chain head must stay locked while seals are appended
        separately.execute(tx -> seal());
        String previous = GENESIS;
        long expected = 1;
        while (true) {
            List<SecurityEventRow> page = mapper.findChain(expected, 500);
            if (page.isEmpty()) {
                break;
            }
            for (SecurityEventRow e : page) {
                if (e.getSeq() != expected) {
                    return new ChainReport(false, expected - 1, 0, expected, "seal " + expected + " is missing");
                }
                if (e.getAt() == null) {
                    return new ChainReport(false, expected - 1, 0, e.getSeq(), "event " + e.getId() + " was deleted");
                }
                if (!e.getPrevHash().equals(previous)) {
                    return new ChainReport(false, expected - 1, 0, e.getSeq(), "does not link to the seal before it");
                }
                if (!hash(e).equals(e.getHash())) {
                    return new ChainReport(false, expected - 1, 0, e.getSeq(), "event " + e.getId() + " was altered");
                }
                previous = e.getHash();
                expected++;
            }
            progress.accept(expected - 1);
        }
        long sealed = expected - 1;
        SecurityEventMapper.ChainHead head = separately.execute(tx -> mapper.lockChainHead());
        if (head.lastSeq() != sealed || !head.lastHash().equals(previous)) {
            return new ChainReport(false, sealed, 0, sealed + 1, "the chain head names seal " + head.lastSeq()
                    + ": seals after " + sealed + " were deleted");
        }
        int late = mapper.countUnsealedBefore(clock.instant().minus(LATE));
        return new ChainReport(late == 0, sealed, late, null, late == 0 ? null : late + " event(s) older than "
                + LATE.toMinutes() + " minutes are in no seal (inserted behind the sealer's back, or the sealer is stopped)");
    }

    static String hash(SecurityEventRow e) {
        return hash(e.getSeq(), e.getId(), e.getAt(), e.getActor(), e.getAddress(), e.getType(), e.getOutcome(), e.getTarget(), e.getDetail(),
                e.getPrevHash());
    }

    /** The hash a seal holds: of its event's content, its position and the hash before it (public for the offline verifier). */
    public static String hash(long seq, long id, Instant at, String actor, String address, String type, String outcome, String target,
                              String detail, String prevHash) {
        String content = String.join("\n", Long.toString(seq), Long.toString(id), at.toString(), actor,
                String.valueOf(address), type, outcome, String.valueOf(target), String.valueOf(detail), prevHash);
        return TableCompiler.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    /** The head of the trail's chain: the last position sealed and its hash. */
    public record Head(long seq, String hash) {
    }

    /** As committed, without a lock: read inside a transaction that sealed already, a locking read in another would wait for it. */
    public Head head() {
        SecurityEventMapper.ChainHead h = mapper.readChainHead();
        return new Head(h.lastSeq(), h.lastHash());
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
