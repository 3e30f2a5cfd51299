package cn.huiyisheng.rules.verify;

import cn.huiyisheng.rules.table.CellType;
import cn.huiyisheng.rules.table.Column;
import cn.huiyisheng.rules.table.TableRow;
import cn.huiyisheng.rules.table.TableTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What changed between two versions of one table, row by row: rows are matched by their row id,
 * so a row moved to another place in the sheet is not a change; a changed row lists each changed
 * cell, old → new, in the column's words ("SS-2014-URBAN-DIED: 每月金额（元） 340.00 → 380.00").
 */
public record TableDiff(List<Row> added, List<Row> removed, List<Row> changed, int unchanged) {

    /** A row added, removed or changed; {@code cells} are its changed cells (every filled cell for an added or removed row). */
    public record Row(String rowId, Integer sheetRowBefore, Integer sheetRowAfter, List<Cell> cells, String zh, String en) {
    }

    /** One cell's change, in the column's words. */
    public record Cell(String columnZh, String columnEn, String before, String after) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public static TableDiff of(TableTemplate template, List<TableRow> before, List<TableRow> after) {
        Map<String, TableRow> old = byId(before);
        Map<String, TableRow> now = byId(after);
        List<Row> added = new ArrayList<>();
        List<Row> removed = new ArrayList<>();
        List<Row> changed = new ArrayList<>();
        int unchanged = 0;
        for (TableRow n : now.values()) {
            TableRow o = old.get(n.rowId());
            if (o == null) {
                added.add(row(template, null, n, cells(template, null, n)));
                continue;
            }
            List<Cell> cells = cells(template, o, n);
            if (cells.isEmpty()) {
                unchanged++;
            } else {
                changed.add(row(template, o, n, cells));
            }
        }
        for (TableRow o : old.values()) {
            if (!now.containsKey(o.rowId())) {
                removed.add(row(template, o, null, cells(template, o, null)));
            }
        }
        return new TableDiff(List.copyOf(added), List.copyOf(removed), List.copyOf(changed), unchanged);
    }

    private static Map<String, TableRow> byId(List<TableRow> rows) {
        Map<String, TableRow> map = new LinkedHashMap<>();
        for (TableRow r : rows) {
            map.put(r.rowId(), r);
        }
        return map;
    }

    private static List<Cell> cells(TableTemplate template, TableRow before, TableRow after) {
        List<Cell> cells = new ArrayList<>();
        List<Column> columns = template.columns();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (c.type() == CellType.ROW_ID) {
                continue;
            }
            String b = before == null ? null : text(c, before.value(i));
            String a = after == null ? null : text(c, after.value(i));
            if (before != null && after != null ? !java.util.Objects.equals(a, b) : (a != null || b != null)) {
                cells.add(new Cell(c.zh(), c.en(), b, a));
            }
        }
        return cells;
    }

    private static Row row(TableTemplate template, TableRow before, TableRow after, List<Cell> cells) {
        String id = after != null ? after.rowId() : before.rowId();
        String kindZh = before == null ? "新增" : after == null ? "删除" : "";
        String kindEn = before == null ? "added" : after == null ? "removed" : "";
        String zh = id + ": " + (kindZh.isEmpty() ? "" : kindZh + " ") + cells.stream()
                .map(c -> c.columnZh() + " " + show(c.before(), "（空）") + " → " + show(c.after(), "（空）")).collect(Collectors.joining("；"));
        String en = id + ": " + (kindEn.isEmpty() ? "" : kindEn + " ") + cells.stream()
                .map(c -> c.columnEn() + " " + show(c.before(), "(blank)") + " → " + show(c.after(), "(blank)")).collect(Collectors.joining("; "));
        return new Row(id, before == null ? null : before.sheetRow(), after == null ? null : after.sheetRow(), List.copyOf(cells), zh, en);
    }

    private static String show(String value, String blank) {
        return value == null ? blank : value;
    }

    /** A cell's value as a person reads it: amounts with 2 decimals, sets sorted, yes/no; null when blank. */
    static String text(Column column, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return column.type() == CellType.AMOUNT ? d.setScale(2, RoundingMode.HALF_UP).toPlainString() : d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Boolean b) {
            return b ? "是" : "否";
        }
        if (value instanceof Collection<?> set) {
            return set.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
        }
        return String.valueOf(value);
    }
}
