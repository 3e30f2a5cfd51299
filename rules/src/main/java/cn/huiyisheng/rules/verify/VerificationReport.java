package cn.huiyisheng.rules.verify;

import java.util.List;

/**
 * What verification found in one table version.
 *
 * @param gaps          regions inside the table's range that no row covers and metadata does not explain
 * @param explainedGaps regions no row covers, each explained in the version's metadata
 * @param overlaps      pairs of rows that both match some facts
 * @param neverFires    rows whose own conditions contradict each other
 * @param unusedExplanations known gaps in the metadata that are not gaps (stale explanations)
 */
public record VerificationReport(
        String table,
        int rows,
        long cellsChecked,
        List<String> gaps,
        List<String> explainedGaps,
        List<Overlap> overlaps,
        List<String> neverFires,
        List<String> unusedExplanations) {

    /** Two rows that both match, with an example of facts where they do. */
    public record Overlap(String rowA, int sheetRowA, String rowB, int sheetRowB, String where) {
    }

    public boolean clean() {
        return gaps.isEmpty() && overlaps.isEmpty() && neverFires.isEmpty() && unusedExplanations.isEmpty();
    }
}
