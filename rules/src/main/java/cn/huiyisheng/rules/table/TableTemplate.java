package cn.huiyisheng.rules.table;

import cn.huiyisheng.rules.facts.TableCode;

import java.util.ArrayList;
import java.util.List;

/**
 * The pinned code parts of one table: everything but the data rows. Developers own templates;
 * policy staff edit data rows only. The layout (0-based rows):
 * <pre>
 * 0  RuleSet   | cn.huiyisheng.tables.&lt;code&gt;
 * 1  Import    | the fact classes
 * 3  RuleTable &lt;CODE&gt;
 * 4  CONDITION ... ACTION ...
 * 5  $s : Subject() from entry-point "&lt;CODE&gt;"   (merged over the condition columns)
 * 6  the code of each column (derived from its cell type)
 * 7  the heading of each column, 中文 / English
 * 8… data rows, up to the first blank row
 * </pre>
 */
public record TableTemplate(TableCode code, List<Column> columns) {

    public static final int RULESET_ROW = 0;
    public static final int IMPORT_ROW = 1;
    public static final int RULETABLE_ROW = 3;
    public static final int TYPE_ROW = 4;
    public static final int OBJECT_ROW = 5;
    public static final int CODE_ROW = 6;
    public static final int HEADING_ROW = 7;
    public static final int FIRST_DATA_ROW = 8;

    static final String IMPORTS = "cn.huiyisheng.rules.facts.*, cn.huiyisheng.rules.household.*, java.math.BigDecimal, java.time.LocalDate";

    public TableTemplate {
        columns = List.copyOf(columns);
        int firstAction = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).type().isCondition() && firstAction < 0) {
                firstAction = i;
            }
            if (columns.get(i).type().isCondition() && firstAction >= 0) {
                throw new IllegalArgumentException(code + ": conditions must come before actions");
            }
        }
        if (firstAction < 1 || columns.get(firstAction).type() != CellType.ROW_ID) {
            throw new IllegalArgumentException(code + ": needs a condition and a ROW_ID as first action");
        }
    }

    /** The sheet's name: the table's code, cut to Excel's limit of 31 characters at a word. */
    public String sheetName() {
        String name = code.name();
        while (name.length() > 31) {
            name = name.substring(0, name.lastIndexOf('_'));
        }
        return name;
    }

    public String ruleSet() {
        return "cn.huiyisheng.tables." + code.name().toLowerCase();
    }

    public String ruleTableName() {
        return code.name();
    }

    public String entryPoint() {
        return code.name();
    }

    public int conditionCount() {
        return (int) columns.stream().filter(c -> c.type().isCondition()).count();
    }

    public List<Column> conditions() {
        return columns.subList(0, conditionCount());
    }

    public int columnIndex(CellType type) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).type() == type) {
                return i;
            }
        }
        return -1;
    }

    /** Every header row as it must read, cell by cell (null for a cell that must be blank). */
    public List<List<String>> headerRows() {
        List<List<String>> rows = new ArrayList<>();
        int width = Math.max(2, columns.size());
        for (int r = 0; r < FIRST_DATA_ROW; r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                row.add(null);
            }
            rows.add(row);
        }
        rows.get(RULESET_ROW).set(0, "RuleSet");
        rows.get(RULESET_ROW).set(1, ruleSet());
        rows.get(IMPORT_ROW).set(0, "Import");
        rows.get(IMPORT_ROW).set(1, IMPORTS);
        rows.get(RULETABLE_ROW).set(0, "RuleTable " + ruleTableName());
        for (int c = 0; c < columns.size(); c++) {
            Column col = columns.get(c);
            rows.get(TYPE_ROW).set(c, col.type().isCondition() ? "CONDITION" : "ACTION");
            rows.get(CODE_ROW).set(c, col.code());
            rows.get(HEADING_ROW).set(c, col.heading());
        }
        rows.get(OBJECT_ROW).set(0, "$s : Subject() from entry-point \"" + entryPoint() + "\"");
        return rows;
    }
}
