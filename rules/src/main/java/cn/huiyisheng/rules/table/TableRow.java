package cn.huiyisheng.rules.table;

import java.util.Collections;
import java.util.List;

/**
 * One data row, its cells as typed values aligned with the template's columns (null where blank).
 * Integers, sets of enum constants, booleans, {@code LocalDate}s, {@code BigDecimal}s, strings.
 *
 * @param sheetRow the 1-based row number as shown in Excel, also in the Drools rule name
 */
public record TableRow(int sheetRow, String rowId, List<Object> values) {

    public TableRow {
        values = Collections.unmodifiableList(values);
    }

    public Object value(int column) {
        return values.get(column);
    }
}
