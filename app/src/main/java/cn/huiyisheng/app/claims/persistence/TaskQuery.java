package cn.huiyisheng.app.claims.persistence;

import java.time.Instant;
import java.util.List;

/**
 * The parameters of one task-list statement, already checked and normalised (see
 * {@code ReviewTasks.Filter}): which list, whose, the search, the filters, the order and the page.
 * {@code sortColumn} is one of a fixed set of column expressions, never user text.
 */
public record TaskQuery(String tab, String username, List<String> groups, String personKey, String reference, String idTail,
                        String nameLike, String benefitLike, String district, String status, boolean overdue, Instant now,
                        String sortColumn, boolean descending, int limit, int offset) {
}
