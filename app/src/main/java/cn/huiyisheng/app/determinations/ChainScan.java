package cn.huiyisheng.app.determinations;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
 * MyBatis mapping; on MySQL/MariaDB its fields joined by the server into the very bytes its hash
 * digests, {@link SealedDeterminations#JOINED_MYSQL}, streamed) and its hash recomputed, the chain cut
 * into segments (the caller says how many: one a core), each read on its own connection. The
 * segments are stitched: each one's first link must be the hash the one before ends with. The
 * service's verification; the offline {@code CheckpointVerifier} reads the same columns with
 * {@link SealedDeterminations#readSealed}, on one connection.
 */
public final class ChainScan {

    /**
     * One segment's result: its first link, its last hash, how many records, how many of them were
     * recorded before the cut-off the caller named (its count of records in no seal needs it), and the
     * first problem (null if none).
     */
    public record Segment(long from, long to, String firstPrev, String lastHash, long records, long recordedBefore, Long brokenAtSeq,
                          String problem) {
    }

    private static final String QUERY = "SELECT " + SealedDeterminations.sealedColumns(true) + SealedDeterminations.SEALED_FROM
            + " WHERE s.seq >= ? AND s.seq < ? ORDER BY s.seq";
    /** MySQL/MariaDB: the seal, and the record's fields joined by the server as its hash takes them. */
    private static final String JOINED_QUERY = "SELECT s.seq, s.prev_hash, s.hash, s.determination_id, d.id, "
            + SealedDeterminations.JOINED_MYSQL + ", d.recorded_at < CAST(? AS DATETIME(3))" + SealedDeterminations.SEALED_FROM
            + " WHERE s.seq >= ? AND s.seq < ? ORDER BY s.seq";
    /** Records read by one statement where rows are not streamed (a page is about 8 MB), and between two progress reports. */
    private static final int PAGE = 1000;

    private ChainScan() {
    }

    /**
     * Scans positions {@code [1, last]} in up to {@code threads} segments at once, each on a
     * connection of its own; returns the segments in order (each with its first problem).
     */
    public static List<Segment> scan(DataSource source, long last, int threads, Instant recordedBefore, LongConsumer progress)
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
                        return segment(c, from, to, recordedBefore, checked -> progress.accept(done.addAndGet(checked)));
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
     * checked against the record before within the segment, the first problem named. On
     * MySQL/MariaDB the segment is one streamed query (Connector/J hands the rows over as they
     * arrive: the server reads ahead while this thread hashes, where a page at a time left each idle
     * in turn); elsewhere a page of {@link #PAGE} records at a time.
     */
    public static Segment segment(Connection c, long from, long to, Instant recordedBefore, LongConsumer checkedPerPage)
            throws SQLException {
        boolean raw = c.getMetaData().getDatabaseProductName().matches("(?i)mysql|mariadb");
        Walk walk = new Walk(from, to, raw, recordedBefore);
        if (raw) {
            try (PreparedStatement st = c.prepareStatement(JOINED_QUERY, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                st.setFetchSize(Integer.MIN_VALUE);
                // DATETIME columns hold UTC (the mysql profile's connection time zone)
                st.setObject(1, LocalDateTime.ofInstant(recordedBefore, ZoneOffset.UTC));
                st.setLong(2, from);
                st.setLong(3, to);
                try (ResultSet rs = st.executeQuery()) {
                    long checked = 0;
                    while (rs.next()) {
                        Segment broken = walk.check(rs);
                        if (broken != null) {
                            return broken; // closing the result reads the rest of the stream (the connection serves again after it)
                        }
                        if (++checked == PAGE) {
                            checkedPerPage.accept(checked);
                            checked = 0;
                        }
                    }
                    checkedPerPage.accept(checked);
                }
            }
            return walk.end(to);
        }
        try (PreparedStatement st = c.prepareStatement(QUERY)) {
            for (long pageFrom = from; pageFrom < to; pageFrom += PAGE) {
                st.setLong(1, pageFrom);
                st.setLong(2, Math.min(to, pageFrom + PAGE));
                long before = walk.expected;
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Segment broken = walk.check(rs);
                        if (broken != null) {
                            return broken;
                        }
                    }
                }
                checkedPerPage.accept(walk.expected - before);
                if (walk.expected < Math.min(to, pageFrom + PAGE)) {
                    return walk.end(Math.min(to, pageFrom + PAGE));
                }
            }
        }
        return walk.end(to);
    }

    /** A segment's walk along its records: where it is, and what the record before ended with. */
    private static final class Walk {
        private final long from;
        private final long to;
        private final boolean raw;
        private String firstPrev;
        private String previous;
        private final Instant before;
        private long expected;
        private long recordedBefore;

        Walk(long from, long to, boolean raw, Instant before) {
            this.from = from;
            this.to = to;
            this.raw = raw;
            this.before = before;
            this.expected = from;
        }

        private Segment broken(long records, long at, String problem) {
            return new Segment(from, to, firstPrev, previous, records, recordedBefore, at, problem);
        }

        /** The current row checked: null when it holds, else the segment ended at its problem. */
        Segment check(ResultSet rs) throws SQLException {
            long seq = rs.getLong(1);
            if (seq != expected) {
                return broken(expected - from, expected, "record " + expected + " is missing");
            }
            String prevHash = rs.getString(2);
            String sealedHash = rs.getString(3);
            if (firstPrev == null) {
                firstPrev = prevHash;
            }
            if (rs.getObject(5) == null) {
                return broken(seq - from, seq, "record " + rs.getLong(4) + " was deleted");
            }
            if (previous != null && !prevHash.equals(previous)) {
                return broken(seq - from, seq, "does not link to the record before it");
            }
            // on MySQL/MariaDB from the columns' bytes as they came (most of a record is text: not decoded and
            // encoded again); elsewhere from the record as the service reads it
            String recomputed;
            if (raw) {
                byte[] joined = rs.getBytes(6);
                if (joined == null) {
                    // the server joins at most max_allowed_packet bytes (16 MB; a record is kilobytes, and is inserted in one packet)
                    return broken(seq - from, seq, "its content could not be read whole (larger than the server's max_allowed_packet)");
                }
                recomputed = SealedDeterminations.hashOfJoined(joined);
                if (rs.getBoolean(7)) {
                    recordedBefore++;
                }
            } else {
                DeterminationRow row = SealedDeterminations.readSealed(rs, true, true);
                recomputed = SealedDeterminations.hash(row);
                if (row.getRecordedAt().isBefore(before)) {
                    recordedBefore++;
                }
            }
            if (!sealedHash.equals(recomputed)) {
                return broken(seq - from, seq, "its content does not match its hash (altered)");
            }
            previous = sealedHash;
            expected++;
            return null;
        }

        /** The segment read up to {@code upTo}: whole, or missing the record it stopped short of. */
        Segment end(long upTo) {
            if (expected < upTo) {
                return broken(expected - from, expected, "record " + expected + " is missing");
            }
            return new Segment(from, to, firstPrev, previous, expected - from, recordedBefore, null, null);
        }
    }
}
