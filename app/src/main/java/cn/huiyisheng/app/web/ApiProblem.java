package cn.huiyisheng.app.web;

import cn.huiyisheng.rules.household.Problem;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ProblemDetail;

import java.util.List;

/**
 * The body of every error answer: an RFC 9457 problem ({@code application/problem+json}, Spring's
 * {@link ProblemDetail}: type, title, status, detail, instance) with two members of our own: a
 * stable {@code code} when there is one, and {@code problems}, every problem of the request each
 * with where it is (a JSON path such as {@code $.household.applicant.idNumber}, or a spreadsheet's
 * sheet and cell), so that a client shows them all at once.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details / 错误说明（RFC 9457）")
public class ApiProblem extends ProblemDetail {

    private final String code;
    private final List<Problem> problems;
    private cn.huiyisheng.rules.table.SheetGrid sheet;

    public ApiProblem(ProblemType type, String title, String detail, String code, List<Problem> problems) {
        super(type.status());
        setType(type.uri());
        setTitle(title);
        setDetail(detail);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    @Schema(description = "a stable code of the refusal, when there is one (FOUR_EYES, IDEMPOTENCY_KEY_REUSED …)")
    public String getCode() {
        return code;
    }

    @Schema(description = "every problem of the request, each located / 每个问题及其位置")
    public List<Problem> getProblems() {
        return problems;
    }

    @Schema(description = "a refused spreadsheet's sheet as read, cell by cell, with the refused cells (absent otherwise)"
            + " / 被拒电子表格的内容及出错单元格")
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public cn.huiyisheng.rules.table.SheetGrid getSheet() {
        return sheet;
    }

    /** The same problem with the refused sheet attached. */
    public ApiProblem withSheet(cn.huiyisheng.rules.table.SheetGrid sheet) {
        this.sheet = sheet;
        return this;
    }
}
