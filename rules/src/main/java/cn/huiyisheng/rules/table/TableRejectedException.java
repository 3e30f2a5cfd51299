package cn.huiyisheng.rules.table;

import java.util.List;
import java.util.stream.Collectors;

/** A spreadsheet that does not follow its template or holds a cell that is not a valid value. */
public class TableRejectedException extends RuntimeException {

    private final List<TableProblem> problems;

    public TableRejectedException(List<TableProblem> problems) {
        super(problems.size() + " problem(s): " + problems.stream().limit(20).map(TableProblem::message)
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<TableProblem> problems() {
        return problems;
    }
}
