package cn.huiyisheng.app.determinations;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The determination chain's content checked again, fast: each record read straight from JDBC (no
 * MyBatis mapping; on MySQL/MariaDB each text column's bytes as they came, not decoded to a string
 * and encoded again: {@link SealedDeterminations#hashOfRow}) and its hash recomputed, the chain cut
 * into segments (the caller says how many: one a core), each read on its own connection. The
 * segments are stitched: each one's first link must be the hash the one before ends with. The
 * service's verification; the offline {@code CheckpointVerifier} reads the same columns with
 * {@link SealedDeterminations#readSealed}, on one connection.
 */
public final class ChainScan {

    /** One segment's result: its first link, its last hash, how many records, and the first problem (null if none). */
    public record Segment(long from, long to, String firstPrev, String lastHash, long records, Long brokenAtSeq, String problem) {
    }

    private static final String QUERY = "SELECT " + SealedDeterminations.sealedColumns(true) + SealedDeterminations.SEALED_FROM
            + " WHERE s.seq >= ? AND s.seq < ? ORDER BY s.seq";
    /** Records read by one statement: enough to keep the server busy, little enough to hold (a page is about 8 MB). */
    private static final int PAGE = 1000;

    private ChainScan() {
    }

    /**
     * Scans positions {@code [1, last]} in up to {@code threads} segments at once, each on a
     * connection of its own; returns the segments in order (each with its first problem).
     */
    public static List<Segment> scan(DataSource source, long last, int threads, LongConsumer progress)
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
                        return segment(c, from, to, checked -> progress.accept(done.addAndGet(checked)));
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
    public static Segment segment(Connection c, long from, long to, LongConsumer checkedPerPage) throws SQLException {
        boolean raw = c.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb");
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
                        if (seq != expected) {
                            return new Segment(from, to, firstPrev, previous, expected - from, expected, "record " + expected + " is missing");
                        }
                        String prevHash = rs.getString(2);
                        String sealedHash = rs.getString(3);
                        if (firstPrev == null) {
                            firstPrev = prevHash;
                        }
                        if (rs.getObject(5) == null) {
                            return new Segment(from, to, firstPrev, previous, seq - from, seq, "record " + rs.getLong(4) + " was deleted");
                        }
                        if (previous != null && !prevHash.equals(previous)) {
                            return new Segment(from, to, firstPrev, previous, seq - from, seq, "does not link to the record before it");
                        }
                        // on MySQL/MariaDB from the columns' bytes as they came (most of a record is text: not decoded and
                        // encoded again); elsewhere from the record as the service reads it
                        String recomputed = raw ? SealedDeterminations.hashOfRow(rs)
                                : SealedDeterminations.hash(SealedDeterminations.readSealed(rs, true, true));
                        if (!sealedHash.equals(recomputed)) {
                            return new Segment(from, to, firstPrev, previous, seq - from, seq, "its content does not match its hash (altered)");
                        }
                        previous = sealedHash;
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
}
