package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed checkpoints and the offline verifier (issue 12 §4): a checkpoint of both chains signed
 * with SM2 and written outside the database; the verifier finds a changed fact, a chain rewritten
 * wholesale with its hashes recomputed (which the service's own chain check cannot see), a changed
 * or foreign checkpoint, a deleted record and a deleted security event, each named.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CheckpointsTest {

    static final Path DIR;
    static final Path KEY;

    static {
        try {
            Path base = Files.createTempDirectory("huiyisheng-checkpoints");
            DIR = base.resolve("shipped");
            KEY = base.resolve("keys/signing.key");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A database of its own: its chains are tampered with here. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) throws Exception {
        cn.huiyisheng.app.policy.OwnDatabase.register(registry, "_checkpoints", "checkpoints");
        registry.add("huiyisheng.audit.checkpoint-dir", DIR::toString);
        registry.add("huiyisheng.audit.checkpoint-key", KEY::toString);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;
    @Autowired
    cn.huiyisheng.app.identity.Users users;
    @Autowired
    Checkpoints checkpoints;
    @Autowired
    SealedDeterminations determinations;
    @Autowired
    SecurityTrail trail;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    org.springframework.core.env.Environment environment;

    CheckpointVerifier.Report verify() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return CheckpointVerifier.verify(c, DIR, checkpoints.publicKey());
        }
    }

    /** What an attacker with the database does: every seal from the second on hashed again, as the sealer would, the head moved. */
    void reseal(List<Long> seqs) {
        String previous = jdbc.queryForObject("SELECT hash FROM determination_seal WHERE seq = 1", String.class);
        for (long seq : seqs) {
            DeterminationRow row = determinations.chain(seq, 1).get(0);
            row.setPrevHash(previous);
            String hash = SealedDeterminations.hash(row);
            jdbc.update("UPDATE determination_seal SET prev_hash = ?, hash = ? WHERE seq = ?", previous, hash, seq);
            previous = hash;
        }
        jdbc.update("UPDATE determination_chain SET last_hash = ? WHERE id = 1", previous);
    }

    /**
     * The nightly process on the service's engine, each job in its own transaction as the job executor
     * runs it: both chains verified, then a checkpoint signed (found by CI on MariaDB: the signing job
     * had sealed inside its transaction, then waited 50 s for the trail's head it held itself).
     */
    @Test
    @org.junit.jupiter.api.Order(1)
    void theNightlyProcessVerifiesBothChainsAndSignsACheckpointInItsJobs() throws Exception {
        People.Couple couple = People.couple(users);
        new ClaimDriver(http, runtime, management, tasks).submit(couple, couple.smallClaim("2014-01", "2014-02"));
        long before = Checkpoints.read(DIR, new com.fasterxml.jackson.databind.ObjectMapper()).size();
        org.camunda.bpm.engine.runtime.Job timer = management.createJobQuery()
                .processDefinitionKey(cn.huiyisheng.processes.audit.ChainVerificationProcess.PROCESS_ID).timers().singleResult();
        assertThat(timer).as("the nightly timer").isNotNull();
        management.executeJob(timer.getId());
        for (int i = 0; i < 2; i++) {
            org.camunda.bpm.engine.runtime.Job step = management.createJobQuery()
                    .processDefinitionKey(cn.huiyisheng.processes.audit.ChainVerificationProcess.PROCESS_ID).messages().singleResult();
            long t0 = System.nanoTime();
            management.executeJob(step.getId());
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - t0)).as("a step waiting on a lock").isLessThan(java.time.Duration.ofSeconds(20));
        }
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(cn.huiyisheng.processes.audit.ChainVerificationProcess.PROCESS_ID)
                .count()).isZero();
        assertThat(runtime.createIncidentQuery().count()).isZero();
        assertThat(Checkpoints.read(DIR, new com.fasterxml.jackson.databind.ObjectMapper())).hasSize((int) before + 1);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aCheckpointSignedOutsideTheDatabaseFindsEveryKindOfTampering() throws Exception {
        ClaimDriver driver = new ClaimDriver(http, runtime, management, tasks);
        for (int i = 0; i < 3; i++) {
            People.Couple couple = People.couple(users);
            driver.submit(couple, couple.smallClaim("2014-01", "2014-02"));
        }
        http.withBasicAuth("nobody", "wrong").getForEntity("/api/claims/HYS-0", String.class); // a failed sign-in: a security event

        Checkpoints.Checkpoint cp = checkpoints.write();
        assertThat(cp.determinationsSeq()).isGreaterThanOrEqualTo(3);
        assertThat(cp.securitySeq()).isPositive();
        assertThat(Files.readString(DIR.resolve(cp.file()))).contains("\"algorithm\" : \"SM2-SM3\"").contains(cp.determinationsHash());
        assertThat(Files.readString(DIR.resolve("signing-key.pub")).strip()).isEqualTo(checkpoints.publicKey()).startsWith("04").hasSize(130);
        assertThat(KEY).exists();
        assertThat(CheckpointSigner.verify(checkpoints.publicKey(), Checkpoints.signedText(cp.at(), cp.determinationsSeq(),
                cp.determinationsHash(), cp.securitySeq(), cp.securityHash()), cp.signature())).isTrue();
        // the command, as an operator runs it (on H2, the same in-memory database by its URL)
        String url = environment.getProperty("spring.datasource.url");
        if (url.startsWith("jdbc:h2:")) {
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            int exit = CheckpointVerifier.run(new String[]{"--url", url, "--user", "sa", "--password", "", "--dir", DIR.toString(),
                    "--public-key", DIR.resolve("signing-key.pub").toString()}, new java.io.PrintStream(printed, true, "UTF-8"));
            assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("OK: the database matches every checkpoint");
            assertThat(exit).isZero();
        }
        CheckpointVerifier.Report clean = verify();
        assertThat(clean.problems()).isEmpty();
        assertThat(clean.checkpoints()).isEqualTo(Checkpoints.read(DIR, new com.fasterxml.jackson.databind.ObjectMapper()).size());
        assertThat(clean.determinations()).isEqualTo(cp.determinationsSeq());

        // a changed fact: the record no longer gives its hash
        Map<String, Object> second = jdbc.queryForMap("SELECT s.seq, d.id, d.facts_json FROM determination_seal s JOIN determination d"
                + " ON d.id = s.determination_id WHERE s.seq = 2");
        long id = ((Number) second.get("id")).longValue();
        String facts = (String) second.get("facts_json");
        jdbc.update("UPDATE determination SET facts_json = ? WHERE id = ?", facts.replace("1958-03-20", "1950-03-20"), id);
        assertThat(verify().problems()).containsExactly("determinations 2: record " + id + " does not match its hash (altered)");
        jdbc.update("UPDATE determination SET facts_json = ? WHERE id = ?", facts, id);
        assertThat(verify().holds()).isTrue();

        // the chain rewritten wholesale: the fact changed and every hash from there recomputed, the head moved with them;
        // the service's own check finds nothing, the checkpoint does
        jdbc.update("UPDATE determination SET facts_json = ? WHERE id = ?", facts.replace("1958-03-20", "1950-03-20"), id);
        List<Long> seqs = jdbc.queryForList("SELECT seq FROM determination_seal WHERE seq >= 2 ORDER BY seq", Long.class);
        reseal(seqs);
        assertThat(determinations.verifyChain().intact()).isTrue();
        assertThat(verify().problems()).singleElement().asString()
                .startsWith("determinations " + cp.determinationsSeq() + ": the database's hash")
                .endsWith("the chain was rewritten").contains(cp.file());
        // put back: the original content and hashes
        jdbc.update("UPDATE determination SET facts_json = ? WHERE id = ?", facts, id);
        reseal(seqs);
        assertThat(verify().holds()).isTrue();

        // a checkpoint changed after signing, and one signed with another key
        Path file = DIR.resolve(cp.file());
        String text = Files.readString(file);
        Files.writeString(file, text.replace(cp.determinationsHash(), "0".repeat(64)));
        assertThat(verify().problems()).containsExactly(cp.file() + ": the signature does not hold (the file was changed)");
        Files.writeString(file, text);
        CheckpointSigner other = CheckpointSigner.fromFile(Files.createTempDirectory("other-key").resolve("k"));
        Files.writeString(DIR.resolve("checkpoint-99990101T000000Z-1-1.json"), text.replace(cp.publicKey(), other.publicKey())
                .replace(cp.signature(), other.sign(Checkpoints.signedText(cp.at(), cp.determinationsSeq(), cp.determinationsHash(),
                        cp.securitySeq(), cp.securityHash()))));
        assertThat(verify().problems()).containsExactly("checkpoint-99990101T000000Z-1-1.json: signed with another key than the one trusted");
        Files.delete(DIR.resolve("checkpoint-99990101T000000Z-1-1.json"));

        // a deleted record and a deleted security event
        long last = jdbc.queryForObject("SELECT determination_id FROM determination_seal WHERE seq = ?", Long.class, cp.determinationsSeq());
        jdbc.update("DELETE FROM determination_index WHERE determination_id = ?", last);
        jdbc.update("DELETE FROM determination_term WHERE determination_id = ?", last);
        jdbc.update("DELETE FROM determination WHERE id = ?", last);
        long event = jdbc.queryForObject("SELECT event_id FROM security_seal WHERE seq = 1", Long.class);
        jdbc.update("DELETE FROM security_event WHERE id = ?", event);
        assertThat(verify().problems()).containsExactly(
                "determinations " + cp.determinationsSeq() + ": record " + last + " was deleted",
                "security 1: event " + event + " was deleted");
    }
}
