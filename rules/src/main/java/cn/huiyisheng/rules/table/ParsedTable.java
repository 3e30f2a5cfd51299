package cn.huiyisheng.rules.table;

import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;

/**
 * A spreadsheet that passed validation: its typed rows, and the workbook with every data cell
 * rewritten in canonical form, which is what Drools compiles.
 */
public record ParsedTable(TableTemplate template, List<TableRow> rows, Workbook normalized) {

    public ParsedTable {
        rows = List.copyOf(rows);
    }
}
