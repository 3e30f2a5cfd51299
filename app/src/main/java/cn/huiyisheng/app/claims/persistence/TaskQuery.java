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

    /** Whether the list is narrowed by the claim's own columns (then a count joins the claim). */
    public boolean claimFiltered() {
        return reference != null || idTail != null || nameLike != null || benefitLike != null || district != null || status != null;
    }
}
