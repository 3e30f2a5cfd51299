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

/** Errors as {@link ApiProblem}s. Bad input is a 4xx that says what to fix, never a 500. */
@RestControllerAdvice
public class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    /** An unknown benefit or version. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ApiProblem> notFound(NotFound e) {
        return answer(HttpStatus.NOT_FOUND, "Not found / 未找到", e.getMessage());
    }

    @ExceptionHandler(BadInput.class)
    ResponseEntity<ApiProblem> badInput(BadInput e) {
        return ResponseEntity.badRequest().body(new ApiProblem("Invalid request / 请求无效", 400,
                e.problems().size() + " problem(s) in the request", e.problems()));
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<ApiProblem> conflict(Conflict e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new ApiProblem("Conflict / 状态冲突", 409, e.getMessage(),
                java.util.List.of(new cn.huiyisheng.rules.household.Problem("$", e.code(), e.getMessage(), e.getMessage()))));
    }

    @ExceptionHandler(Forbidden.class)
    ResponseEntity<ApiProblem> forbidden(Forbidden e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiProblem("Forbidden / 无权操作", 403, e.getMessage(),
                java.util.List.of(new cn.huiyisheng.rules.household.Problem("$", e.code(), e.getMessage(), e.getMessage()))));
    }

    /** A decision on a claim refused by the process's own checks (four eyes, conflict of interest, role). */
    @ExceptionHandler(cn.huiyisheng.processes.claim.DecisionRefused.class)
    ResponseEntity<ApiProblem> decisionRefused(cn.huiyisheng.processes.claim.DecisionRefused e) {
        String detail = e.getMessage().substring(e.code().length() + 2);
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(new ApiProblem("Forbidden / 无权操作", 403, detail,
                java.util.List.of(new cn.huiyisheng.rules.household.Problem("$", e.code(), detail, detail))));
    }

    /** The database is away: say so quickly and clearly; nothing was half written (one transaction). */
    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ApiProblem> databaseDown(Exception e) {
        log.warn("Database unavailable: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "10").body(ApiProblem.of(503,
                "Service unavailable / 服务暂不可用", "the database cannot be reached; nothing was changed, try again shortly"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiProblem> noResource(NoResourceFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "Not found / 未找到", "no such resource: /" + e.getResourcePath());
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiProblem> unreadable(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestBodyLimit.TooLarge) {
                return answer(HttpStatus.PAYLOAD_TOO_LARGE, "Too large / 请求内容过大", t.getMessage());
            }
        }
        return answer(HttpStatus.BAD_REQUEST, "Bad request / 请求无效", e instanceof MethodArgumentTypeMismatchException m
                ? "parameter '" + m.getName() + "' has an invalid value '" + m.getValue() + "'" : "the request body cannot be read");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiProblem> mediaType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type / 不支持的内容类型",
                "send " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiProblem> method(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed / 不支持的请求方法", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiProblem> tooLarge(MaxUploadSizeExceededException e) {
        return answer(HttpStatus.PAYLOAD_TOO_LARGE, "Too large / 文件过大", "a spreadsheet may have at most 5 MB");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiProblem> unexpected(Exception e) {
        // no request data in the log: it may hold personal data
        log.error("Unexpected error: {}", e.toString(), e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error / 内部错误", "the error was logged");
    }

    private static ResponseEntity<ApiProblem> answer(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(ApiProblem.of(status.value(), title, detail));
    }
}
