package cn.huiyisheng.app.web;

import cn.huiyisheng.rules.household.Problem;

import java.util.List;

/** Input with problems, each located (400). */
public class BadInput extends RuntimeException {
    private final List<Problem> problems;

    public BadInput(List<Problem> problems) {
        super(problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public BadInput(String path, String code, String message, String zh) {
        this(List.of(new Problem(path, code, message, zh)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
