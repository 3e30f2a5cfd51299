package cn.huiyisheng.rules.table;

import java.util.List;
import java.util.stream.Collectors;

/** A spreadsheet that does not follow its template or holds a cell that is not a valid value. */
public class TableRejectedException extends RuntimeException {

    private final List<TableProblem> problems;
    private final transient SheetGrid grid;

    public TableRejectedException(List<TableProblem> problems) {
        this(problems, null);
    }

    /** Refused with the sheet as read, when it could be read (null for a file that is not a workbook). */
    public TableRejectedException(List<TableProblem> problems, SheetGrid grid) {
        super(problems.size() + " problem(s): " + problems.stream().limit(20).map(TableProblem::message)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.grid = grid;
    }

    /** The refused sheet, cell by cell, with the refused cells; null when the file could not be read as one sheet. */
    public SheetGrid grid() {
        return grid;
    }

    public List<TableProblem> problems() {
        return problems;
    }
}
