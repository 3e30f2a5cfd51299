package cn.huiyisheng.app.web;

import cn.huiyisheng.rules.household.Problem;

import java.util.List;

/**
 * The body of every error answer (RFC 9457 style): what went wrong and, for bad input, every
 * problem with where it is.
 *
 * @param problems each located by a JSON path ({@code $.applicant.idNumber}) or, for a
 *                 spreadsheet, by sheet and cell
 */
public record ApiProblem(String title, int status, String detail, List<Problem> problems) {

    public static ApiProblem of(int status, String title, String detail) {
        return new ApiProblem(title, status, detail, List.of());
    }
}
