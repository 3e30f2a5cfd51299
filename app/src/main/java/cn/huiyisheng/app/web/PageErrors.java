package cn.huiyisheng.app.web;

import cn.huiyisheng.processes.claim.DecisionRefused;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the pages (controllers that render HTML): the error page in the user's language with
 * the right status, never JSON. The API's controllers are answered by {@link ApiErrors} first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler({ApiErrors.NotFound.class, NoResourceFoundException.class})
    String notFound(Exception e, HttpServletResponse response, Model model) {
        return page(404, e.getMessage(), response, model);
    }

    @ExceptionHandler({Forbidden.class, DecisionRefused.class, org.springframework.security.access.AccessDeniedException.class})
    String forbidden(Exception e, HttpServletResponse response, Model model) {
        return page(403, e.getMessage(), response, model);
    }

    @ExceptionHandler(BadInput.class)
    String badInput(BadInput e, HttpServletResponse response, Model model) {
        // every problem, by the name of the field or parameter, in the page's language
        model.addAttribute("problems", e.problems());
        return page(400, null, response, model);
    }

    /** A parameter of a page's address or form that is not of its type ({@code decision=bogus}, {@code /inbox/entitlements/abc}): 400, named. */
    @ExceptionHandler(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class)
    String badParameter(org.springframework.web.method.annotation.MethodArgumentTypeMismatchException e, HttpServletResponse response,
                        Model model) {
        model.addAttribute("problems", java.util.List.of(new cn.huiyisheng.rules.household.Problem(e.getName(), "INVALID_VALUE",
                "not a valid value for " + e.getName(), "参数 " + e.getName() + " 的值无效")));
        return page(400, null, response, model);
    }

    @ExceptionHandler(Conflict.class)
    String conflict(Conflict e, HttpServletResponse response, Model model) {
        return page(409, e.getMessage(), response, model);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class})
    String databaseDown(Exception e, HttpServletResponse response, Model model) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        response.setHeader("Retry-After", "10");
        return page(503, null, response, model);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        if (DatabaseAway.is(e)) {
            return databaseDown(e, response, model);
        }
        log.error("Unexpected error on a page: {}", e.toString(), e);
        return page(500, null, response, model);
    }

    private static String page(int status, String detail, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("detail", detail);
        return "error";
    }
}
