package cn.huiyisheng.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Set;

/**
 * What answers when nothing else did (an unknown path, a refusal by the security filters, an error
 * outside a controller): a page in the user's language for a browser, a problem for everyone else.
 * Replaces Spring Boot's Whitelabel page and its JSON map.
 */
@Controller
public class ErrorPages implements ErrorController {

    /** The statuses with a page of their own; others are shown as the nearest of them. */
    static final Set<Integer> PAGES = Set.of(400, 401, 403, 404, 405, 409, 413, 500, 503);

    private final Problems problems;

    public ErrorPages(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    public String page(HttpServletRequest request, HttpServletResponse response, Model model) {
        int status = status(request);
        response.setStatus(status);
        model.addAttribute("status", page(status));
        return "error";
    }

    @RequestMapping("/error")
    public ResponseEntity<ApiProblem> problem(HttpServletRequest request) {
        int status = status(request);
        ProblemType type = ProblemType.ofStatus(status);
        ApiProblem problem = problems.of(type, detail(status));
        problem.setStatus(status);
        return ResponseEntity.status(status).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static String detail(int status) {
        return switch (status) {
            case 401 -> "sign in first (HTTP Basic for the API)";
            case 403 -> "your roles do not allow this";
            case 404 -> "no such resource";
            default -> "the request could not be served";
        };
    }

    static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer i ? i : 500;
    }

    static int page(int status) {
        return PAGES.contains(status) ? status : status >= 500 ? 500 : 400;
    }
}
