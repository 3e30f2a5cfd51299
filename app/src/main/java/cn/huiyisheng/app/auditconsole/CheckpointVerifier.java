package cn.huiyisheng.app.auditconsole;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command-line verifier of a database against the signed checkpoints (issue 12 §4). Needs no
 * running service: plain JDBC, the checkpoint files and the public key the verifier trusts (kept
 * apart from the database and the checkpoints). It checks each checkpoint's SM2 signature with that
 * key, then walks both chains from the start, recomputing each record's hash from its content and
 * its link to the one before, and at each checkpointed position compares the database's hash with
 * the signed one: a changed record, a deleted one, and a chain rewritten wholesale with its hashes
 * recomputed are each found and named.
 *
 * <pre>java -cp app.jar -Dloader.main=cn.huiyisheng.app.auditconsole.CheckpointVerifier \
 *   org.springframework.boot.loader.launch.PropertiesLauncher --url jdbc:… --user … --password … \
 *   --dir checkpoints/ --public-key signing-key.pub</pre>
 * (the {@code ./verify-checkpoints} script does this). Exit 0 when everything holds, 1 otherwise.
 */
public final class CheckpointVerifier {

    /** What was checked, and every problem found (the first 50), each naming the chain, the position and why. */
    public record Report(int checkpoints, long determinations, long securityEvents, List<String> problems) {
        public boolean holds() {
            return problems.isEmpty();
        }
    }

    private CheckpointVerifier() {
    }

    public static Report verify(Connection db, Path directory, String trustedPublicKey) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<Checkpoints.Checkpoint> checkpoints = Checkpoints.read(directory, new ObjectMapper());
        Map<Long, List<Checkpoints.Checkpoint>> byDetermination = new HashMap<>();
        Map<Long, List<Checkpoints.Checkpoint>> bySecurity = new HashMap<>();
        long dMax = 0;
        long sMax = 0;
        for (Checkpoints.Checkpoint c : checkpoints) {
            if (c.at() == null) {
                problems.add(c.file() + ": not a readable checkpoint");
                continue;
            }
            if (!trustedPublicKey.equalsIgnoreCase(c.publicKey())) {
                problems.add(c.file() + ": signed with another key than the one trusted");
                continue;
            }
            if (!CheckpointSigner.verify(trustedPublicKey, Checkpoints.signedText(c.at(), c.determinationsSeq(), c.determinationsHash(),
                    c.securitySeq(), c.securityHash()), c.signature())) {
                problems.add(c.file() + ": the signature does not hold (the file was changed)");
                continue;
            }
            byDetermination.computeIfAbsent(c.determinationsSeq(), k -> new ArrayList<>()).add(c);
            bySecurity.computeIfAbsent(c.securitySeq(), k -> new ArrayList<>()).add(c);
            dMax = Math.max(dMax, c.determinationsSeq());
            sMax = Math.max(sMax, c.securitySeq());
        }
        long d = determinations(db, byDetermination, dMax, problems);
        long s = security(db, bySecurity, sMax, problems);
        return new Report(checkpoints.size(), d, s, problems.size() > 50 ? problems.subList(0, 50) : problems);
    }

    private static void compare(String chain, long seq, String hash, Map<Long, List<Checkpoints.Checkpoint>> at, boolean determinations,
                                List<String> problems) {
        for (Checkpoints.Checkpoint c : at.getOrDefault(seq, List.of())) {
            String signed = determinations ? c.determinationsHash() : c.securityHash();
            if (!signed.equals(hash)) {
                problems.add(chain + " " + seq + ": the database's hash " + hash.substring(0, 12) + "… is not the one signed in "
                        + c.file() + " (" + signed.substring(0, 12) + "…): the chain was rewritten");
            }
        }
    }

    private static long determinations(Connection db, Map<Long, List<Checkpoints.Checkpoint>> at, long signedUpTo, List<String> problems)
            throws SQLException {
        String previous = SealedDeterminations.GENESIS;
        long expected = 1;
        try (PreparedStatement st = db.prepareStatement("SELECT " + SealedDeterminations.sealedColumns(true) + SealedDeterminations.SEALED_FROM
                + " ORDER BY s.seq")) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    DeterminationRow r = SealedDeterminations.readSealed(rs, true, true);
                    long seq = r.getSeq();
                    if (seq != expected) {
                        problems.add("determinations " + expected + ": missing");
                        return expected - 1;
                    }
                    if (r.getClaimId() == null) {
                        problems.add("determinations " + seq + ": record " + r.getSealedId() + " was deleted");
                    } else if (!SealedDeterminations.hash(r).equals(r.getHash())) {
                        problems.add("determinations " + seq + ": record " + r.getId() + " does not match its hash (altered)");
                    }
                    if (!r.getPrevHash().equals(previous)) {
                        problems.add("determinations " + seq + ": does not link to the record before it");
                    }
                    compare("determinations", seq, r.getHash(), at, true, problems);
                    previous = r.getHash();
                    expected++;
                }
            }
        }
        long count = expected - 1;
        if (count < signedUpTo) {
            problems.add("determinations: the chain ends at " + count + ", a checkpoint signed it up to " + signedUpTo
                    + ": records were deleted");
        }
        return count;
    }

    private static long security(Connection db, Map<Long, List<Checkpoints.Checkpoint>> at, long signedUpTo, List<String> problems)
            throws SQLException {
        String previous = SecurityTrail.GENESIS;
        long expected = 1;
        try (PreparedStatement st = db.prepareStatement("SELECT s.seq, s.prev_hash, s.hash, s.event_id, e.id, e.at, e.actor, e.address,"
                + " e.type, e.outcome, e.target, e.detail FROM security_seal s LEFT JOIN security_event e ON e.id = s.event_id ORDER BY s.seq")) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    if (seq != expected) {
                        problems.add("security " + expected + ": missing");
                        return expected - 1;
                    }
                    String prev = rs.getString(2);
                    String hash = rs.getString(3);
                    if (rs.getObject(5) == null) {
                        problems.add("security " + seq + ": event " + rs.getLong(4) + " was deleted");
                    } else if (!SecurityTrail.hash(seq, rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), prev).equals(hash)) {
                        problems.add("security " + seq + ": event " + rs.getLong(5) + " does not match its hash (altered)");
                    }
                    if (!prev.equals(previous)) {
                        problems.add("security " + seq + ": does not link to the event before it");
                    }
                    compare("security", seq, hash, at, false, problems);
                    previous = hash;
                    expected++;
                }
            }
        }
        long count = expected - 1;
        if (count < signedUpTo) {
            problems.add("security: the chain ends at " + count + ", a checkpoint signed it up to " + signedUpTo + ": events were deleted");
        }
        return count;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    /** The command: its arguments, where it prints; 0 when everything holds, 1 when not, 2 for a wrong call. */
    public static int run(String[] args, java.io.PrintStream out) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i], args[i + 1]);
        }
        if (!a.containsKey("--url") || !a.containsKey("--dir") || !a.containsKey("--public-key")) {
            out.println("usage: --url JDBC_URL [--user U] [--password P] --dir CHECKPOINT_DIR --public-key HEX|FILE");
            return 2;
        }
        String key = a.get("--public-key");
        if (Files.isRegularFile(Path.of(key))) {
            key = Files.readString(Path.of(key)).strip();
        }
        try (Connection db = DriverManager.getConnection(a.get("--url"), a.getOrDefault("--user", ""), a.getOrDefault("--password", ""))) {
            Report r;
            try {
                r = verify(db, Path.of(a.get("--dir")), key);
            } catch (SQLException e) {
                out.println("cannot read the chains from " + a.get("--url") + ": " + e.getMessage());
                return 2;
            }
            out.println("checkpoints: " + r.checkpoints() + ", determinations: " + r.determinations() + ", security events: "
                    + r.securityEvents());
            r.problems().forEach(p -> out.println("PROBLEM " + p));
            out.println(r.holds() ? "OK: the database matches every checkpoint" : "NOT OK: " + r.problems().size() + " problem(s)");
            return r.holds() ? 0 : 1;
        }
    }
}
