package cn.huiyisheng.app.config;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the pool to drop a connection whose link to the database is gone. Hikari evicts on SQL
 * states of class 08 (MySQL Connector/J reports a cut link so), but H2's client reports it with
 * its own codes: such a connection went back to the pool, and when the job executor and the
 * schedulers kept it busy (no idle check under 0.5 s of idleness) a request could be handed a
 * dead connection long after the database came back (found by DatabaseOutageTest in CI).
 */
public class BrokenConnections implements SQLExceptionOverride {

    /** H2's ErrorCode: CONNECTION_BROKEN_1, DATABASE_IS_CLOSED, IO_EXCEPTION_1, IO_EXCEPTION_2. */
    private static final Set<Integer> H2_LINK_GONE = Set.of(90067, 90098, 90028, 90031);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && H2_LINK_GONE.contains(s.getErrorCode())) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
