package cn.huiyisheng.rules.table;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.List;

/**
 * A refused sheet as the policy console shows it: every cell's text as Excel shows it (a formula as
 * its text, never evaluated), row by row from row 1 and column A, with the refused cells, so that
 * the console can draw the sheet as a table and highlight them. Bounded like the reader: the rows
 * were counted on a stream before the workbook was loaded, and at most {@link TableReader}'s column
 * limit is shown.
 *
 * @param sheet   the sheet's name
 * @param columns the number of columns shown
 * @param rows    each row's cells as text ("" for blank), all of {@code columns} cells
 * @param refused the refused cells in A1 notation, in the order of the problems
 */
public record SheetGrid(String sheet, int columns, List<List<String>> rows, List<String> refused) {

    static SheetGrid of(Sheet sheet, List<TableProblem> problems) {
        int columns = 0;
        for (Row row : sheet) {
            columns = Math.max(columns, Math.min(TableReader.MAX_COLUMNS, Math.max(0, row.getLastCellNum())));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            List<String> cells = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                cells.add(row == null ? "" : TableReader.text(row.getCell(c)));
            }
            rows.add(cells);
        }
        List<String> refused = problems.stream().filter(p -> p.sheet().equals(sheet.getSheetName()) && p.cell() != null)
                .map(TableProblem::cell).distinct().toList();
        return new SheetGrid(sheet.getSheetName(), columns, List.copyOf(rows), refused);
    }
}
