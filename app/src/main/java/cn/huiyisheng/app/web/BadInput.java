package cn.huiyisheng.app.web;

import cn.huiyisheng.rules.household.Problem;

import java.util.List;

/** Input with problems, each located (400). */
public class BadInput extends RuntimeException {
    private final List<Problem> problems;
    private final transient cn.huiyisheng.rules.table.SheetGrid sheet;

    public BadInput(List<Problem> problems) {
        this(problems, null);
    }

    /** Problems in an uploaded spreadsheet, with the refused sheet as read (for the console to draw it). */
    public BadInput(List<Problem> problems, cn.huiyisheng.rules.table.SheetGrid sheet) {
        super(problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
        this.sheet = sheet;
    }

    /** The refused sheet, or null. */
    public cn.huiyisheng.rules.table.SheetGrid sheet() {
        return sheet;
    }

    public BadInput(String path, String code, String message, String zh) {
        this(List.of(new Problem(path, code, message, zh)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
