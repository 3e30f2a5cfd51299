package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.auditconsole.persistence.AuditIndexMapper;
import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.evaluation.EvaluationResponse;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The auditors' index of sealed determinations (issue 12 §1), made along the chain after the
 * sealer, never on the path that decides: per record its claim, dates, scope, outcome and amount,
 * and its terms: each person by the keyed hash of their resident ID (the ID itself is not in the
 * index), each benefit, each table version and its SHA-256. One node indexes at a time (the head
 * is locked); a record is indexed once, in the order of the chain.
 */
@Service
public class DeterminationIndex {

    static final int PAGE = 500;

    private final SealedDeterminations determinations;
    private final AuditIndexMapper mapper;
    private final PersonKeys keys;

    private final cn.huiyisheng.app.auditconsole.persistence.IndexRows rows;

    public DeterminationIndex(SealedDeterminations determinations, AuditIndexMapper mapper, PersonKeys keys,
                              cn.huiyisheng.app.auditconsole.persistence.IndexRows rows) {
        this.rows = rows;
        this.determinations = determinations;
        this.mapper = mapper;
        this.keys = keys;
    }

    /** Indexes the sealed records not indexed yet, a page at a time (up to 20 pages a call); how many. */
    @Scheduled(fixedDelayString = "${huiyisheng.audit.index-every:PT2S}", initialDelayString = "PT5S")
    @Transactional
    public int index() {
        int indexed = 0;
        long head = mapper.lockHead();
        for (int pass = 0; pass < 20; pass++) {
            List<DeterminationRow> page = determinations.chain(head + 1, PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<AuditIndexMapper.Entry> entries = new ArrayList<>();
            List<AuditIndexMapper.Term> terms = new ArrayList<>();
            for (DeterminationRow row : page) {
                head = row.getSeq();
                if (row.getClaimId() == null) {
                    continue; // a seal whose record is gone: the chain's verification names it
                }
                EvaluationResponse response = determinations.recentResponse(row); // once, for the entry and its terms
                entries.add(entry(row, response));
                terms.addAll(terms(row, response));
            }
            if (!entries.isEmpty()) {
                rows.insertEntries(entries);
            }
            for (int i = 0; i < terms.size(); i += 1000) {
                rows.insertTerms(terms.subList(i, Math.min(terms.size(), i + 1000)));
            }
            indexed += entries.size();
            mapper.advanceHead(head);
            if (page.size() < PAGE) {
                break;
            }
        }
        return indexed;
    }

    private AuditIndexMapper.Entry entry(DeterminationRow row, EvaluationResponse response) {
        AuditIndexMapper.Entry e = new AuditIndexMapper.Entry();
        e.setDeterminationId(row.getId());
        e.setSeq(row.getSeq());
        e.setClaimId(row.getClaimId());
        e.setRecordedAt(row.getRecordedAt());
        e.setAsOf(row.getAsOf());
        e.setScope(row.getScope());
        e.setOutcome(eligible(response) ? "ELIGIBLE" : "NOT_ELIGIBLE");
        e.setTotal(total(response));
        e.setEngineVersion(row.getEngineVersion());
        return e;
    }

    /** Eligible for anything: a benefit as of the date, or any month of the period. */
    static boolean eligible(EvaluationResponse r) {
        if (r.determination() != null && r.determination().benefits().stream().anyMatch(BenefitDetermination::eligible)) {
            return true;
        }
        return r.period() != null && r.period().benefits().stream().flatMap(b -> b.subjects().stream())
                .flatMap(s -> s.segments().stream()).anyMatch(Segment::eligible);
    }

    /**
     * The amount the record decides: over the period when it has one (the sum of its benefits'
     * totals), else the eligible amounts as of the date; null when it decides no amount.
     */
    static BigDecimal total(EvaluationResponse r) {
        BigDecimal sum = null;
        if (r.period() != null && !r.period().benefits().isEmpty()) {
            for (PeriodDetermination.BenefitPeriod b : r.period().benefits()) {
                if (b.total() != null) {
                    sum = sum == null ? b.total() : sum.add(b.total());
                }
            }
            return sum;
        }
        if (r.determination() != null) {
            for (BenefitDetermination b : r.determination().benefits()) {
                if (b.eligible() && b.amount() != null) {
                    sum = sum == null ? b.amount() : sum.add(b.amount());
                }
            }
        }
        return sum;
    }

    private List<AuditIndexMapper.Term> terms(DeterminationRow row, EvaluationResponse response) {
        long id = row.getId();
        List<AuditIndexMapper.Term> terms = new ArrayList<>();
        Household h = determinations.facts(row);
        Set<String> people = new LinkedHashSet<>();
        for (Person p : h.parents()) {
            if (p.idNumber() != null && !p.idNumber().isBlank()) {
                people.add(keys.of(p.idNumber()));
            }
        }
        for (Child c : h.children()) {
            if (c.idNumber() != null && !c.idNumber().isBlank()) {
                people.add(keys.of(c.idNumber()));
            }
        }
        people.forEach(k -> terms.add(new AuditIndexMapper.Term("P", k, id)));
        Set<String> benefits = new LinkedHashSet<>();
        if (response.determination() != null) {
            response.determination().benefits().forEach(b -> benefits.add(b.benefit()));
        }
        if (response.period() != null) {
            response.period().benefits().forEach(b -> benefits.add(b.benefit()));
        }
        for (String b : row.getBenefits().split(",")) {
            if (!b.isBlank()) {
                benefits.add(b);
            }
        }
        benefits.forEach(b -> terms.add(new AuditIndexMapper.Term("B", b, id)));
        JsonNode versions = determinations.tree(row.getVersionsJson());
        for (Iterator<String> it = versions.fieldNames(); it.hasNext(); ) {
            String version = it.next();
            terms.add(new AuditIndexMapper.Term("V", version, id));
            terms.add(new AuditIndexMapper.Term("S", versions.get(version).asText(), id));
        }
        return dedupe(terms);
    }

    /** A version's SHA-256 used by two versions of a record would be one term: the key is (kind, term, record). */
    private static List<AuditIndexMapper.Term> dedupe(List<AuditIndexMapper.Term> terms) {
        Set<String> seen = new java.util.HashSet<>();
        return terms.stream().filter(t -> seen.add(t.getKind() + ":" + t.getTerm())).toList();
    }

    /** A page of the search: the records, newest in the chain first, with their benefits and versions, and how many match. */
    public record Page(List<Hit> hits, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    public record Hit(long id, long seq, String reference, java.time.Instant recordedAt, java.time.LocalDate asOf, String scope,
                      String outcome, BigDecimal total, String engineVersion, List<String> benefits, List<String> versions) {
    }

    public Page search(AuditIndexMapper.Criteria criteria, int page, int size) {
        List<AuditIndexMapper.Found> found = mapper.search(criteria, size, (long) page * size);
        long total = found.isEmpty() && page == 0 ? 0 : mapper.count(criteria);
        List<AuditIndexMapper.Term> terms = found.isEmpty() ? List.of() : mapper.termsOf(found.stream().map(AuditIndexMapper.Found::getId).toList());
        List<Hit> hits = new ArrayList<>();
        for (AuditIndexMapper.Found f : found) {
            List<String> benefits = terms.stream().filter(t -> t.getDeterminationId() == f.getId() && t.getKind().equals("B"))
                    .map(AuditIndexMapper.Term::getTerm).toList();
            List<String> versions = terms.stream().filter(t -> t.getDeterminationId() == f.getId() && t.getKind().equals("V"))
                    .map(AuditIndexMapper.Term::getTerm).toList();
            hits.add(new Hit(f.getId(), f.getSeq(), f.getReference(), f.getRecordedAt(), f.getAsOf(), f.getScope(), f.getOutcome(),
                    f.getTotal(), f.getEngineVersion(), benefits, versions));
        }
        return new Page(hits, total, page, size);
    }
}
