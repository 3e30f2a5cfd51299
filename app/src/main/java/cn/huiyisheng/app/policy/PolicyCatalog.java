package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.policy.persistence.PolicyVersionMapper;
import cn.huiyisheng.app.policy.persistence.PolicyVersionRow;
import cn.huiyisheng.rules.catalog.Catalog;
import cn.huiyisheng.rules.catalog.FigureSource;
import cn.huiyisheng.rules.catalog.KnownGap;
import cn.huiyisheng.rules.catalog.LegalBasis;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.facts.TableCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of table versions, held in the database. On start the versions shipped in
 * {@code policy-tables/} are added if they are not there yet (a second start adds nothing); every
 * published version in the database then makes up the engine's catalogue. A shipped version that
 * differs from the published one of the same number stops the start: published versions never
 * change, a change must ship as a new version.
 *
 * <p>Versions published (or withdrawn) later, by this node or any other sharing the database,
 * join the catalogue without a restart: a version becomes known {@link #PUBLICATION_DELAY} after
 * its approval (its {@code published_at}), every node reads the table's heads every half second,
 * and an evaluation known at an instant for which this node's last reading is not recent enough
 * reads them first. So every node knows a version from the instant it takes effect, and the
 * evaluation path pays a volatile read, not a query.
 */
@Service
public class PolicyCatalog {

    private static final Logger log = LoggerFactory.getLogger(PolicyCatalog.class);
    static final String SHIPPED = "shipped";

    private final PolicyVersionMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean warmUp;
    private final Engine engine;

    /**
     * How long after its approval a version becomes known: longer than any node takes to read it.
     * An approval's instant is taken inside its transaction, which may take a while longer to commit
     * on a loaded node (it records the version, its cases, the trail and returns the draft's view):
     * the heads read up to {@code PUBLICATION_DELAY - FRESH_ENOUGH} (2 s) after that instant may miss it
     * and must not count as fresh for the instant it becomes known. (With 2 s and 1.5 s a loaded
     * MariaDB test run once saw a node answer with the old version at its known-from instant.)
     */
    public static final java.time.Duration PUBLICATION_DELAY = java.time.Duration.ofSeconds(3);
    /** An evaluation known at T reads the heads first unless the last reading began after T minus this (polled every 0.5 s). */
    static final java.time.Duration FRESH_ENOUGH = java.time.Duration.ofMillis(1000);
    /** When the last complete reading of the heads began. */
    private volatile java.time.Instant readFrom;
    /** Head ids this node has taken in, and the withdrawals it has applied. */
    private final java.util.Set<Long> known = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Set<Long> withdrawalsApplied = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public PolicyCatalog(PolicyVersionMapper mapper, ObjectMapper json, Clock clock,
                         @Value("${huiyisheng.warm-up:true}") boolean warmUp) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
        this.warmUp = warmUp;
        int added = loadShipped(ShippedTables.load());
        this.readFrom = clock.instant();
        List<PolicyVersionRow> rows = mapper.findPublished();
        List<PolicyTable> published = rows.stream().map(this::toTable).toList();
        rows.forEach(r -> {
            known.add(r.getId());
            if (r.getWithdrawnAt() != null) {
                withdrawalsApplied.add(r.getId());
            }
        });
        this.engine = new Engine(new Catalog(published), new TableCompiler());
        log.info("Policy catalogue: {} published versions of {} tables ({} added from policy-tables on this start)",
                published.size(), published.stream().map(PolicyTable::code).distinct().count(), added);
    }

    /** Adds the shipped versions not yet in the database; returns how many were added. */
    int loadShipped(List<PolicyTable> shipped) {
        int added = 0;
        for (PolicyTable table : shipped) {
            PolicyVersionRow existing = mapper.find(table.code().name(), table.version());
            if (existing == null) {
                try {
                    mapper.insert(toRow(table));
                    added++;
                    continue;
                } catch (DuplicateKeyException raced) {
                    // another node added it at the same moment: compare with what it wrote
                    existing = mapper.find(table.code().name(), table.version());
                }
            }
            if (!existing.getSha256().equals(table.sha256())) {
                throw new IllegalStateException(table.id() + " in policy-tables (SHA-256 " + table.sha256()
                        + ") differs from the version published in the database (SHA-256 " + existing.getSha256()
                        + "). Published versions never change: ship the change as a new version.");
            }
        }
        return added;
    }

    public Engine engine() {
        return engine;
    }

    /** The engine, knowing every version known at {@code knownAt} (it reads the heads first if it may not yet). */
    public Engine engine(java.time.Instant knownAt) {
        if (readFrom.isBefore(knownAt.minus(FRESH_ENOUGH))) {
            refresh();
        }
        return engine;
    }

    /**
     * An engine whose catalogue is this one with {@code extra} added (a draft as it would be
     * published), sharing this one's compiled tables; for checks, never for decisions.
     */
    public Engine simulate(PolicyTable extra) {
        List<PolicyTable> all = new ArrayList<>(engine.catalog().all());
        all.add(extra);
        return new Engine(new Catalog(all), engine.compiler());
    }

    /** Reads the heads once the caller's transaction commits (at once, when there is none): a publication's own node knows it at once. */
    public void refreshAfterCommit() {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh();
            return;
        }
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        refresh();
                    }
                });
    }

    /** Reads the heads every half second, on every node. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = 500)
    public void poll() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Reading the catalogue's heads failed (will try again): {}", e.toString());
        }
    }

    /**
     * Takes in the versions published or withdrawn since the last reading; compiles new ones
     * (before they take effect, when read in time), so that no evaluation waits for it.
     */
    public synchronized void refresh() {
        java.time.Instant start = clock.instant();
        for (PolicyVersionRow head : mapper.findPublishedHeads()) {
            if (known.add(head.getId())) {
                PolicyTable table = toTable(mapper.findById(head.getId()));
                engine.catalog().add(table);
                log.info("Policy catalogue: {} published, known from {}", table.id(), table.publishedAt());
                engine.compiled(table);
            }
            if (head.getWithdrawnAt() != null && withdrawalsApplied.add(head.getId())) {
                engine.catalog().withdraw(TableCode.valueOf(head.getTableCode()), head.getVersionNo(), head.getWithdrawnAt());
                log.info("Policy catalogue: {}-v{} withdrawn from {}", head.getTableCode(), head.getVersionNo(), head.getWithdrawnAt());
            }
        }
        readFrom = start;
    }

    public Catalog catalog() {
        return engine.catalog();
    }

    public Optional<PolicyTable> version(TableCode code, int number) {
        return catalog().version(code, number);
    }

    public List<PolicyVersionRow> rows(TableCode code) {
        return mapper.findByTable(code.name());
    }

    /** Compiles the versions in force today in the background, so that the first evaluation is fast. */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        if (!warmUp) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Thread thread = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                engine.evaluate(WarmUpHousehold.HOUSEHOLD, today, clock.instant());
                log.info("Knowledge bases of the versions in force on {} ready in {} ms", today, (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn("Warm-up failed: {}", e.toString());
            }
        }, "policy-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private PolicyVersionRow toRow(PolicyTable t) {
        PolicyVersionRow row = new PolicyVersionRow();
        row.setTableCode(t.code().name());
        row.setVersionNo(t.version());
        row.setStatus("PUBLISHED");
        row.setValidFrom(t.validFrom());
        row.setPublishedAt(t.publishedAt());
        row.setWithdrawnAt(t.withdrawnAt());
        row.setAuthor(SHIPPED);
        row.setApprover(SHIPPED);
        row.setSha256(t.sha256());
        row.setBasisDocument(t.basis().document());
        row.setBasisClause(t.basis().clause());
        row.setChangeNote(t.changeNote());
        row.setFigures(t.figures().name());
        row.setSpreadsheet(t.bytes());
        row.setCreatedAt(clock.instant());
        try {
            row.setSourcesJson(json.writeValueAsString(t.sources()));
            row.setKnownGapsJson(json.writeValueAsString(t.knownGaps()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return row;
    }

    private PolicyTable toTable(PolicyVersionRow r) {
        try {
            List<String> sources = Arrays.asList(json.readValue(r.getSourcesJson(), String[].class));
            List<KnownGap> gaps = json.readValue(r.getKnownGapsJson(), new TypeReference<ArrayList<KnownGap>>() {
            });
            PolicyTable table = new PolicyTable(TableCode.valueOf(r.getTableCode()), r.getVersionNo(), r.getValidFrom(),
                    r.getPublishedAt(), r.getWithdrawnAt(), new LegalBasis(r.getBasisDocument(), r.getBasisClause()),
                    r.getChangeNote(), FigureSource.valueOf(r.getFigures()), sources, gaps, r.getSpreadsheet(), null);
            if (!table.sha256().equals(r.getSha256())) {
                throw new IllegalStateException(table.id() + ": the stored spreadsheet no longer matches its SHA-256 "
                        + r.getSha256() + " (altered in the database?)");
            }
            return table;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("policy_version " + r.getId() + ": " + e.getOriginalMessage(), e);
        }
    }
}
