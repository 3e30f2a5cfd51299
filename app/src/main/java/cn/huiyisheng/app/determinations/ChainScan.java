package cn.huiyisheng.app.determinations;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The determination chain's content checked again, fast: each record's hash recomputed from its
 * columns as {@link SealedDeterminations#hash} computes it, byte for byte, but fed to the digest
 * column by column straight from JDBC (on MySQL/MariaDB the text columns' bytes as they came, not
 * decoded to strings and encoded again), no MyBatis mapping, and the chain cut into one segment per
 * core, each read on its own connection. The segments are stitched: each one's first link must be
 * the hash the one before ends with. Used by the service's verification and by the offline
 * {@code CheckpointVerifier}; a test holds it equal to {@link SealedDeterminations#hash} on both
 * databases.
 */
public final class ChainScan {

    /** A record at a position, as the scan saw it. */
    public interface Visitor {
        /** Called in seal order within a segment, from the segment's thread. */
        void sealed(long seq, String hash);
    }

    /** One segment's result: its first link, its last hash, how many records, and the first problem (null if none). */
    public record Segment(long from, long to, String firstPrev, String lastHash, long records, Long brokenAtSeq, String problem) {
    }

    private static final String QUERY = "SELECT s.seq, s.prev_hash, s.hash, s.determination_id, d.id, d.claim_id, d.as_of, d.known_at,"
            + " d.period_from, d.period_to, d.benefits, d.facts_json, d.versions_json, d.result_json, d.engine_version, d.recorded_at,"
            + " d.scope, d.records_json FROM determination_seal s LEFT JOIN determination d ON d.id = s.determination_id"
            + " WHERE s.seq >= ? AND s.seq < ? ORDER BY s.seq";
    /** Records read by one statement: enough to keep the server busy, little enough to hold (a page is about 8 MB). */
    private static final int PAGE = 1000;
    private static final byte[] NL = {'\n'};
    private static final byte[] FULL = SealedDeterminations.SCOPE_FULL.getBytes(StandardCharsets.US_ASCII);

    private ChainScan() {
    }

    /**
     * Scans positions {@code [1, last]} in up to {@code threads} segments at once, each on a
     * connection of its own; returns the segments in order (each with its first problem).
     */
    public static List<Segment> scan(DataSource source, long last, int threads, LongConsumer progress, Visitor visitor)
            throws SQLException {
        if (last <= 0) {
            return List.of();
        }
        int n = (int) Math.max(1, Math.min(threads, last / PAGE + 1));
        long span = (last + n - 1) / n;
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "chain-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Segment>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long from = 1 + i * span;
                long to = Math.min(last + 1, from + span);
                futures.add(pool.submit(() -> {
                    try (Connection c = source.getConnection()) {
                        return segment(c, from, to, checked -> progress.accept(done.addAndGet(checked)), visitor);
                    }
                }));
            }
            List<Segment> segments = new ArrayList<>();
            for (Future<Segment> f : futures) {
                segments.add(f.get());
            }
            return segments;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("the chain's verification was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Positions {@code [from, to)} on one connection: each record's hash recomputed, each link
     * checked against the record before within the segment, the first problem named.
     */
    public static Segment segment(Connection c, long from, long to, LongConsumer checkedPerPage, Visitor visitor) throws SQLException {
        boolean raw = c.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb");
        MessageDigest sha = sha256();
        String firstPrev = null;
        String previous = null;
        long expected = from;
        try (PreparedStatement st = c.prepareStatement(QUERY)) {
            for (long pageFrom = from; pageFrom < to; pageFrom += PAGE) {
                st.setLong(1, pageFrom);
                st.setLong(2, Math.min(to, pageFrom + PAGE));
                long checked = 0;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong(1);
                        String prev = rs.getString(2);
                        String hash = rs.getString(3);
                        if (seq != expected) {
                            return new Segment(from, to, firstPrev, previous, expected - from, expected, "record " + expected + " is missing");
                        }
                        if (firstPrev == null) {
                            firstPrev = prev;
                        }
                        if (rs.getObject(5) == null) {
                            return new Segment(from, to, firstPrev, previous, seq - from, seq, "record " + rs.getLong(4) + " was deleted");
                        }
                        if (previous != null && !prev.equals(previous)) {
                            return new Segment(from, to, firstPrev, previous, seq - from, seq, "does not link to the record before it");
                        }
                        if (!hash.equals(hash(sha, rs, raw, seq, prev))) {
                            return new Segment(from, to, firstPrev, previous, seq - from, seq, "its content does not match its hash (altered)");
                        }
                        if (visitor != null) {
                            visitor.sealed(seq, hash);
                        }
                        previous = hash;
                        expected++;
                        checked++;
                    }
                }
                checkedPerPage.accept(checked);
                if (expected < Math.min(to, pageFrom + PAGE)) {
                    return new Segment(from, to, firstPrev, previous, expected - from, expected, "record " + expected + " is missing");
                }
            }
        }
        return new Segment(from, to, firstPrev, previous, expected - from, null, null);
    }

    /** {@link SealedDeterminations#hash} of the current row, without building its strings. */
    private static String hash(MessageDigest sha, ResultSet rs, boolean raw, long seq, String prev) throws SQLException {
        sha.reset();
        ascii(sha, Long.toString(seq));
        sha.update(NL);
        ascii(sha, Long.toString(rs.getLong(6)));
        sha.update(NL);
        ascii(sha, rs.getDate(7).toLocalDate().toString());
        sha.update(NL);
        ascii(sha, rs.getTimestamp(8).toInstant().toString());
        for (int column = 9; column <= 15; column++) {
            sha.update(NL);
            text(sha, rs, column, raw);
        }
        sha.update(NL);
        ascii(sha, rs.getTimestamp(16).toInstant().toString());
        sha.update(NL);
        ascii(sha, prev);
        byte[] scope = raw ? rs.getBytes(17) : utf8(rs.getString(17));
        if (!java.util.Arrays.equals(scope, FULL)) {
            sha.update(NL);
            sha.update(scope);
        }
        byte[] records = raw ? rs.getBytes(18) : utf8(rs.getString(18));
        if (records != null) {
            sha.update(NL);
            sha.update(records);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void text(MessageDigest sha, ResultSet rs, int column, boolean raw) throws SQLException {
        byte[] bytes = raw ? rs.getBytes(column) : utf8(rs.getString(column));
        // a NOT NULL column; String.join would write "null" for a null, and so does this
        sha.update(bytes == null ? "null".getBytes(StandardCharsets.US_ASCII) : bytes);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void ascii(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
