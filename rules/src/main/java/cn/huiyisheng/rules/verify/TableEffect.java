package cn.huiyisheng.rules.verify;

import cn.huiyisheng.rules.household.Labelled;
import cn.huiyisheng.rules.table.CellType;
import cn.huiyisheng.rules.table.Column;
import cn.huiyisheng.rules.table.TableRow;
import cn.huiyisheng.rules.table.TableTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What changed between two versions of one table by effect, not by row: the fact space of both
 * (the verification's elementary regions, cut at every bound of either version) is walked cell by
 * cell, each cell's outcome (the action cells of the row that covers it, or none) compared, and the
 * cells whose outcome changes are merged into the largest regions and told in the columns' words:
 * "女方周岁 ≥ 49、家庭类型：独生子女家庭、独生子女状况：死亡、户籍类型：城镇户籍: 每月金额（元） 340.00 → 380.00".
 * A row renamed, moved or split without changing any answer is no change here.
 *
 * @param changed   the regions whose outcome changes, with the outcome before and after
 * @param unchanged the regions whose outcome stays, with that outcome
 * @param cells     how many elementary combinations were compared
 */
public record TableEffect(List<Region> changed, List<Region> unchanged, long cells) {

    /**
     * One region of facts, in words, with its outcome before and after (equal for an unchanged region);
     * an outcome is null where no row applies.
     */
    public record Region(String whereZh, String whereEn, String beforeZh, String afterZh, String beforeEn, String afterEn,
                         String zh, String en) {
    }

    public boolean isEmpty() {
        return changed.isEmpty();
    }

    public static TableEffect of(TableTemplate template, List<TableRow> before, List<TableRow> after) {
        Map<String, List<Integer>> columnsByAttribute = TableVerifier.columnsByAttribute(template);
        List<String> attributes = new ArrayList<>(columnsByAttribute.keySet());
        List<TableVerifier.RowSpace> old = spaces(template, before, attributes, columnsByAttribute);
        List<TableVerifier.RowSpace> now = spaces(template, after, attributes, columnsByAttribute);
        List<TableVerifier.RowSpace> both = new ArrayList<>(old);
        both.addAll(now);
        List<TableVerifier.Dimension> dims = new ArrayList<>();
        for (int d = 0; d < attributes.size(); d++) {
            dims.add(TableVerifier.dimension(template, attributes.get(d), columnsByAttribute.get(attributes.get(d)), both, d));
        }
        long cells = TableVerifier.cells(template, dims, "compare");
        if (both.isEmpty() || dims.stream().anyMatch(d -> d.size() == 0)) {
            return new TableEffect(List.of(), List.of(), 0);
        }
        // cells grouped by their pair of outcomes, in the order first met
        Map<List<String>, List<int[]>> groups = new LinkedHashMap<>();
        Map<List<String>, TableRow[]> examples = new LinkedHashMap<>();
        Map<TableRow, String[]> words = new java.util.IdentityHashMap<>(); // each row's action cells, zh and en, told once
        int[] index = new int[dims.size()];
        for (long n = 0; n < cells; n++) {
            TableVerifier.decode(n, dims, index);
            List<TableRow> b = covering(old, dims, index);
            List<TableRow> a = covering(now, dims, index);
            if (b.isEmpty() && a.isEmpty()) {
                continue; // outside both tables: neither version answers there
            }
            List<String> key = java.util.Arrays.asList(outcome(template, b, words, 0), outcome(template, a, words, 0),
                    outcome(template, b, words, 1), outcome(template, a, words, 1));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(index.clone());
            examples.computeIfAbsent(key, k -> new TableRow[]{b.size() == 1 ? b.get(0) : null, a.size() == 1 ? a.get(0) : null});
        }
        List<Region> changed = new ArrayList<>();
        List<Region> unchanged = new ArrayList<>();
        for (Map.Entry<List<String>, List<int[]>> g : groups.entrySet()) {
            List<String> k = g.getKey();
            boolean same = Objects.equals(k.get(0), k.get(1));
            for (int[] cell : TableVerifier.merge(g.getValue(), dims)) {
                String whereZh = where(template, dims, columnsByAttribute, cell, true);
                String whereEn = where(template, dims, columnsByAttribute, cell, false);
                TableRow[] rows = examples.get(k);
                String zh = whereZh + ": " + (same ? show(k.get(0), true) + "（不变）" : change(template, rows, k.get(0), k.get(1), true));
                String en = whereEn + ": " + (same ? show(k.get(2), false) + " (unchanged)" : change(template, rows, k.get(2), k.get(3), false));
                (same ? unchanged : changed).add(new Region(whereZh, whereEn, k.get(0), k.get(1), k.get(2), k.get(3), zh, en));
            }
        }
        return new TableEffect(List.copyOf(changed), List.copyOf(unchanged), cells);
    }

    private static List<TableVerifier.RowSpace> spaces(TableTemplate template, List<TableRow> rows, List<String> attributes,
                                                       Map<String, List<Integer>> columnsByAttribute) {
        List<TableVerifier.RowSpace> spaces = new ArrayList<>();
        for (TableRow row : rows) {
            TableVerifier.RowSpace s = TableVerifier.space(template, row, attributes, columnsByAttribute);
            if (s.contradiction() == null) {
                spaces.add(s); // a row that never fires has no effect
            }
        }
        return spaces;
    }

    /** The rows covering this cell (more than one is an overlap). */
    private static List<TableRow> covering(List<TableVerifier.RowSpace> spaces, List<TableVerifier.Dimension> dims, int[] index) {
        List<TableRow> rows = new ArrayList<>(1);
        for (TableVerifier.RowSpace s : spaces) {
            if (TableVerifier.covers(s, dims, index)) {
                rows.add(s.row());
            }
        }
        return rows;
    }

    /** The covering rows' action cells in words (0 zh, 1 en); several different ones joined by " | "; null if no row covers. */
    private static String outcome(TableTemplate template, List<TableRow> rows, Map<TableRow, String[]> words, int language) {
        if (rows.isEmpty()) {
            return null;
        }
        List<String> outcomes = new ArrayList<>(1);
        for (TableRow row : rows) {
            String o = words.computeIfAbsent(row, r -> new String[]{actions(template, r, true), actions(template, r, false)})[language];
            if (!outcomes.contains(o)) {
                outcomes.add(o);
            }
        }
        return String.join(" | ", outcomes);
    }

    /** A change told by its differing action cells only ("每月金额（元） 340.00 → 380.00"), or whole outcomes when a side has none. */
    private static String change(TableTemplate template, TableRow[] rows, String before, String after, boolean zh) {
        if (before == null || after == null || rows[0] == null || rows[1] == null) {
            return show(before, zh) + " → " + show(after, zh);
        }
        List<String> parts = new ArrayList<>();
        List<Column> columns = template.columns();
        for (int i = template.conditionCount(); i < columns.size(); i++) {
            Column c = columns.get(i);
            String b = value(c, rows[0].value(i), zh);
            String a = value(c, rows[1].value(i), zh);
            if (c.type() != CellType.ROW_ID && !Objects.equals(a, b)) {
                String blank = zh ? "（空）" : "(blank)";
                parts.add((zh ? c.zh() : c.en()) + " " + (b == null ? blank : b) + " → " + (a == null ? blank : a));
            }
        }
        return String.join(zh ? "；" : "; ", parts);
    }

    private static String actions(TableTemplate template, TableRow row, boolean zh) {
        List<String> parts = new ArrayList<>();
        List<Column> columns = template.columns();
        for (int i = template.conditionCount(); i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.type() == CellType.ROW_ID) {
                continue;
            }
            String v = value(c, row.value(i), zh);
            if (v != null) {
                parts.add((zh ? c.zh() : c.en()) + " " + v);
            }
        }
        return String.join(zh ? "；" : "; ", parts);
    }

    private static String value(Column column, Object value, boolean zh) {
        if (value instanceof Labelled l) {
            return zh ? l.zh() : l.en();
        }
        if (value instanceof Boolean b) {
            return zh ? (b ? "是" : "否") : (b ? "yes" : "no");
        }
        if (value instanceof Collection<?> set) {
            return set.stream().map(v -> value(column, v, zh)).sorted().collect(Collectors.joining(zh ? "、" : ", "));
        }
        if (value instanceof BigDecimal d) {
            return column.type() == CellType.AMOUNT ? d.setScale(2, RoundingMode.HALF_UP).toPlainString()
                    : d.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : String.valueOf(value);
    }

    private static String show(String outcome, boolean zh) {
        return outcome != null ? outcome : zh ? "无规则适用" : "no row applies";
    }

    /** A region in the columns' words: each dimension that is not "any", joined; the whole space if none. */
    private static String where(TableTemplate template, List<TableVerifier.Dimension> dims, Map<String, List<Integer>> columnsByAttribute,
                                int[] cell, boolean zh) {
        List<String> parts = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            TableVerifier.Dimension dim = dims.get(d);
            if (cell[d] < 0 || dim.size() < 2) {
                continue;
            }
            Column first = template.conditions().get(columnsByAttribute.get(dim.attribute).get(0));
            String name = label(first, zh);
            if (!dim.numeric) {
                parts.add(name + (zh ? "：" : ": ") + value(first, dim.values.get(cell[d]), zh));
                continue;
            }
            long[] iv = dim.intervals.get(cell[d]);
            String lo = number(dim, iv[0]);
            String hi = number(dim, iv[1]);
            if (iv[0] == TableVerifier.NEG) {
                parts.add(name + " ≤ " + hi);
            } else if (iv[1] == TableVerifier.POS) {
                parts.add(name + " ≥ " + lo);
            } else {
                parts.add(iv[0] == iv[1] ? name + " = " + lo : name + " " + lo + "–" + hi);
            }
        }
        return parts.isEmpty() ? (zh ? "所有情形" : "every case") : String.join(zh ? "、" : ", ", parts);
    }

    /** The attribute's name from its first column's heading, without the bound's words: "女方周岁（最少）" → "女方周岁". */
    private static String label(Column column, boolean zh) {
        String heading = zh ? column.zh() : column.en();
        return zh ? heading.replaceAll("（[^）]*）$", "")
                : heading.replaceAll(", (at least|at most|on or after|on or before)$", "").replaceAll(" (on or after|on or before)$", "");
    }

    private static String number(TableVerifier.Dimension dim, long v) {
        return dim.date ? LocalDate.ofEpochDay(v).toString() : Long.toString(v);
    }
}
