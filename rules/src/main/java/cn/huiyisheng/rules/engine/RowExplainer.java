package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.compile.CompiledTable;
import cn.huiyisheng.rules.facts.Subject;
import cn.huiyisheng.rules.table.Column;
import cn.huiyisheng.rules.table.TableRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains outcomes from a compiled table's typed rows: the conditions of the row that matched, or,
 * for a refusal, the conditions that failed in the nearest rows (those failing the fewest). Drools
 * decides; this only puts the decision into words. Built once per compiled table.
 */
final class RowExplainer {

    private static final int MAX_NEAREST_ROWS = 3;

    private final Map<Integer, ConditionText[]> bySheetRow = new HashMap<>();
    private final List<ConditionText[]> rows = new ArrayList<>();

    RowExplainer(CompiledTable table) {
        List<Column> conditions = table.template().conditions();
        for (TableRow row : table.rows()) {
            List<ConditionText> list = new ArrayList<>();
            for (int c = 0; c < conditions.size(); c++) {
                if (row.value(c) != null) {
                    list.add(new ConditionText(conditions.get(c), row.value(c)));
                }
            }
            ConditionText[] array = list.toArray(ConditionText[]::new);
            rows.add(array);
            bySheetRow.put(row.sheetRow(), array);
        }
    }

    /** The conditions of the row on a sheet row, each with the subject's value. */
    List<Reason> why(int sheetRow, Subject subject) {
        ConditionText[] conditions = bySheetRow.get(sheetRow);
        Reason[] reasons = new Reason[conditions.length];
        for (int i = 0; i < conditions.length; i++) {
            reasons[i] = conditions[i].reason(subject);
        }
        return List.of(reasons);
    }

    List<Reason> whyNot(Subject subject) {
        int best = Integer.MAX_VALUE;
        List<ConditionText[]> nearest = new ArrayList<>();
        for (ConditionText[] row : rows) {
            int failed = 0;
            for (ConditionText c : row) {
                if (!c.holds(subject)) {
                    failed++;
                }
            }
            if (failed < best) {
                best = failed;
                nearest.clear();
            }
            if (failed == best && nearest.size() < MAX_NEAREST_ROWS) {
                nearest.add(row);
            }
        }
        // two rows failing on the same cell value say the same thing once
        Map<String, Reason> unique = new LinkedHashMap<>();
        for (ConditionText[] row : nearest) {
            for (ConditionText c : row) {
                if (!unique.containsKey(c.key) && !c.holds(subject)) {
                    unique.put(c.key, c.reason(subject));
                }
            }
        }
        return List.copyOf(unique.values());
    }
}
