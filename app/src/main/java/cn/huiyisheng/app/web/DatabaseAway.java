package cn.huiyisheng.app.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is the database being out of reach, however it is wrapped: Spring's
 * translation gives a {@code DataAccessResourceFailureException} for a cut connection, but a pool
 * that has no connection to hand out reaches a MyBatis call as a {@code MyBatisSystemException}
 * around the pool's {@code SQLTransientConnectionException} (found by DatabaseOutageTest: a sign-in
 * during an outage answered 401 instead of 503).
 */
public final class DatabaseAway {

    private DatabaseAway() {
    }

    public static boolean is(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.dao.DataAccessResourceFailureException
                    || t instanceof org.springframework.transaction.CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLException s && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
