package cn.huiyisheng.app.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Errors of the JSON API as RFC 9457 problems ({@link ApiProblem}). Bad input is a 4xx that says
 * what to fix, never a 500. Pages have their own error pages ({@link PageErrors}).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** An unknown benefit or version. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    private final Problems problems;

    public ApiErrors(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ApiProblem> notFound(NotFound e) {
        return answer(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(BadInput.class)
    ResponseEntity<ApiProblem> badInput(BadInput e) {
        return problems.answer(problems.of(ProblemType.INVALID_REQUEST, e.problems().size() + " problem(s) in the request", e.problems())
                .withSheet(e.sheet()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ApiProblem> conflict(Conflict e) {
        return problems.answer(problems.refusal(ProblemType.CONFLICT, e.code(), e.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ApiProblem> forbidden(Forbidden e) {
        return problems.answer(problems.refusal(ProblemType.FORBIDDEN, e.code(), e.getMessage()));
    }

    /** A decision on a claim refused by the process's own checks (four eyes, conflict of interest, role). */
    @ExceptionHandler(cn.huiyisheng.processes.claim.DecisionRefused.class)
    ResponseEntity<ApiProblem> decisionRefused(cn.huiyisheng.processes.claim.DecisionRefused e) {
        String detail = e.getMessage().substring(e.code().length() + 2);
        return problems.answer(problems.refusal(ProblemType.FORBIDDEN, e.code(), detail));
    }

    /** The database is away: say so quickly and clearly; nothing was half written (one transaction). */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ApiProblem> databaseDown(Exception e) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").contentType(Problems.PROBLEM_JSON)
                .body(problems.of(ProblemType.UNAVAILABLE, DATABASE_DOWN));
    }

    /** The detail of every answer while the database is away. */
    public static final String DATABASE_DOWN = "the database cannot be reached; nothing was changed, try again shortly";

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiProblem> noResource(NoResourceFoundException e) {
        return answer(ProblemType.NOT_FOUND, "no such resource: /" + e.getResourcePath());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiProblem> unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLarge) {
                return answer(ProblemType.TOO_LARGE, t.getMessage());
            }
        }
        return answer(ProblemType.INVALID_REQUEST, e instanceof MethodArgumentTypeMismatchException m
                ? "parameter '" + m.getName() + "' has an invalid value '" + m.getValue() + "'" : "the request body cannot be read");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiProblem> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(ProblemType.UNSUPPORTED_MEDIA_TYPE, "send " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiProblem> method(HttpRequestMethodNotSupportedException e) {
        return answer(ProblemType.METHOD_NOT_ALLOWED, e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiProblem> tooLarge(MaxUploadSizeExceededException e) {
        return answer(ProblemType.TOO_LARGE, "a spreadsheet may have at most 5 MB");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> unexpected(Exception e) {
        if (DatabaseAway.is(e)) {
            return databaseDown(e);
        }
        // no request data in the log: it may hold personal data
        log.error("Unexpected error: {}", e.toString(), e);
        return answer(ProblemType.INTERNAL, "the error was logged");
    }

    private ResponseEntity<ApiProblem> answer(ProblemType type, String detail) {
        return problems.answer(problems.of(type, detail));
    }
}
