package cn.huiyisheng.rules.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A line-by-line difference of two texts (the DRL of two versions, for reviewers who read rules):
 * the longest common subsequence of lines, then every line marked kept ({@code " "}), removed
 * ({@code "-"}) or added ({@code "+"}), as in a unified diff without its hunk headers.
 */
public final class LineDiff {

    /** A line of the difference. */
    public record Line(String mark, String text) {
        @Override
        public String toString() {
            return mark + text;
        }
    }

    /** Above this many lines on either side the texts are shown as all removed and all added (the table is quadratic). */
    static final int MAX_LINES = 5_000;

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        List<Line> out = new ArrayList<>();
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            for (String l : a) {
                out.add(new Line("-", l));
            }
            for (String l : b) {
                out.add(new Line("+", l));
            }
            return out;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                out.add(new Line(" ", a[i]));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line("-", a[i++]));
            } else {
                out.add(new Line("+", b[j++]));
            }
        }
        while (i < a.length) {
            out.add(new Line("-", a[i++]));
        }
        while (j < b.length) {
            out.add(new Line("+", b[j++]));
        }
        return out;
    }

    /** Only the changed lines, each with up to {@code context} kept lines around it; "…" where lines are left out. */
    public static List<Line> changes(List<Line> lines, int context) {
        boolean[] keep = new boolean[lines.size()];
        for (int k = 0; k < lines.size(); k++) {
            if (!lines.get(k).mark().equals(" ")) {
                for (int c = Math.max(0, k - context); c <= Math.min(lines.size() - 1, k + context); c++) {
                    keep[c] = true;
                }
            }
        }
        List<Line> out = new ArrayList<>();
        boolean skipped = false;
        for (int k = 0; k < lines.size(); k++) {
            if (keep[k]) {
                if (skipped && !out.isEmpty()) {
                    out.add(new Line(" ", "…"));
                }
                out.add(lines.get(k));
                skipped = false;
            } else {
                skipped = true;
            }
        }
        return out;
    }
}
