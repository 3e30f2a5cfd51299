package cn.huiyisheng.app.auditconsole.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The auditors' index of sealed determinations: written by the indexer only, read by the search. */
@Mapper
public interface AuditIndexMapper {

    /** How far the indexer has come, locked until the transaction ends (one node indexes at a time). */
    long lockHead();

    int advanceHead(@Param("lastSeq") long lastSeq);

    /* the entries and terms are written by IndexRows */

    List<Found> search(@Param("c") Criteria criteria, @Param("limit") int limit, @Param("offset") long offset);

    long count(@Param("c") Criteria criteria);

    /** The benefit and version terms of these records. */
    List<Term> termsOf(@Param("ids") List<Long> ids);

    /** A record indexed: what the search filters on and shows. */
    class Entry {
        private long determinationId;
        private long seq;
        private long claimId;
        private Instant recordedAt;
        private LocalDate asOf;
        private String scope;
        private String outcome;
        private BigDecimal total;
        private String engineVersion;

        public long getDeterminationId() { return determinationId; }
        public void setDeterminationId(long determinationId) { this.determinationId = determinationId; }
        public long getSeq() { return seq; }
        public void setSeq(long seq) { this.seq = seq; }
        public long getClaimId() { return claimId; }
        public void setClaimId(long claimId) { this.claimId = claimId; }
        public Instant getRecordedAt() { return recordedAt; }
        public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt; }
        public LocalDate getAsOf() { return asOf; }
        public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
        public String getScope() { return scope; }
        public void setScope(String scope) { this.scope = scope; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public BigDecimal getTotal() { return total; }
        public void setTotal(BigDecimal total) { this.total = total; }
        public String getEngineVersion() { return engineVersion; }
        public void setEngineVersion(String engineVersion) { this.engineVersion = engineVersion; }
    }

    /** One term of a record: P person key, B benefit, V version id, S version SHA-256. */
    class Term {
        private String kind;
        private String term;
        private long determinationId;

        public Term() {
        }

        public Term(String kind, String term, long determinationId) {
            this.kind = kind;
            this.term = term;
            this.determinationId = determinationId;
        }

        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getTerm() { return term; }
        public void setTerm(String term) { this.term = term; }
        public long getDeterminationId() { return determinationId; }
        public void setDeterminationId(long determinationId) { this.determinationId = determinationId; }
    }

    /** A search's filters; null is "any". Instants (recorded) are half-open: [from, to); as-of days are both included. */
    record Criteria(String reference, String personKey, String benefit, String version, String sha256, Instant from, Instant to,
                    String scope, String outcome, LocalDate asOfFrom, LocalDate asOfTo) {
    }

    /** A row of the search's results. */
    class Found {
        private long id;
        private long seq;
        private String reference;
        private Instant recordedAt;
        private LocalDate asOf;
        private String scope;
        private String outcome;
        private BigDecimal total;
        private String engineVersion;

        public long getId() { return id; }
        public void setId(long id) { this.id = id; }
        public long getSeq() { return seq; }
        public void setSeq(long seq) { this.seq = seq; }
        public String getReference() { return reference; }
        public void setReference(String reference) { this.reference = reference; }
        public Instant getRecordedAt() { return recordedAt; }
        public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt; }
        public LocalDate getAsOf() { return asOf; }
        public void setAsOf(LocalDate asOf) { this.asOf = asOf; }
        public String getScope() { return scope; }
        public void setScope(String scope) { this.scope = scope; }
        public String getOutcome() { return outcome; }
        public void setOutcome(String outcome) { this.outcome = outcome; }
        public BigDecimal getTotal() { return total; }
        public void setTotal(BigDecimal total) { this.total = total; }
        public String getEngineVersion() { return engineVersion; }
        public void setEngineVersion(String engineVersion) { this.engineVersion = engineVersion; }
    }
}
