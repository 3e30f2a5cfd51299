package cn.huiyisheng.app.audit.persistence;

import java.time.Instant;

/** A row of {@code security_event}, with its seal when it has one. */
public class SecurityEventRow {
    private Long id;
    private Instant at;
    private String actor;
    private String address;
    private String type;
    private String outcome;
    private String target;
    private String detail;
    private Long seq;
    private String prevHash;
    private String hash;

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Instant getAt() { return at; }
    public void setAt(Instant at) { this.at = at; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String outcome) { this.outcome = outcome; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail; }
    public Long getSeq() { return seq; }
    public void setSeq(Long seq) { this.seq = seq; }
    public String getPrevHash() { return prevHash; }
    public void setPrevHash(String prevHash) { this.prevHash = prevHash; }
    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }
}
