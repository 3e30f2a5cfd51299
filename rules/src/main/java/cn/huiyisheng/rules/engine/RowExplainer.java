package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.Subject;
import cn.huiyisheng.rules.table.Column;
import cn.huiyisheng.rules.table.TableRow;
import cn.huiyisheng.rules.table.TableTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Explains outcomes from the typed rows: the conditions of the row that matched, or, for a
 * refusal, the conditions that failed in the nearest rows (those failing the fewest conditions).
 * Drools decides; this only puts the decision into words.
 */
final class RowExplainer {

    private static final int MAX_NEAREST_ROWS = 3;

    private RowExplainer() {
    }

    static List<Reason> why(TableTemplate template, TableRow row, Subject subject) {
        List<Reason> reasons = new ArrayList<>();
        List<Column> conditions = template.conditions();
        for (int c = 0; c < conditions.size(); c++) {
            Object cell = row.value(c);
            if (cell != null) {
                reasons.add(ConditionText.reason(conditions.get(c), cell, subject.attribute(conditions.get(c).attribute())));
            }
        }
        return reasons;
    }

    static List<Reason> whyNot(TableTemplate template, List<TableRow> rows, Subject subject) {
        int best = Integer.MAX_VALUE;
        List<List<Reason>> nearest = new ArrayList<>();
        for (TableRow row : rows) {
            List<Reason> failed = why(template, row, subject).stream().filter(r -> !r.met()).toList();
            if (failed.size() < best) {
                best = failed.size();
                nearest.clear();
            }
            if (failed.size() == best && nearest.size() < MAX_NEAREST_ROWS) {
                nearest.add(failed);
            }
        }
        Map<String, Reason> unique = new LinkedHashMap<>();
        nearest.forEach(list -> list.forEach(r -> unique.putIfAbsent(r.en(), r)));
        return List.copyOf(unique.values());
    }
}
