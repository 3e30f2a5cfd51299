package cn.huiyisheng.app.web;

import cn.huiyisheng.rules.household.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Makes the error answers: titles from the message bundles, the problem+json media type. */
@Component
public class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final MessageSource messages;
    private final ObjectMapper json;

    public Problems(MessageSource messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The title of a kind of problem, Chinese first, English second ("请求无效 / Invalid request"). */
    public String title(ProblemType type) {
        return messages.getMessage(type.key(), null, Locale.SIMPLIFIED_CHINESE) + " / "
                + messages.getMessage(type.key(), null, Locale.ENGLISH);
    }

    public ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(type, title(type), detail, null, List.of());
    }

    /** A refusal with a stable code, also listed as the request's one problem (at {@code $}). */
    public ApiProblem refusal(ProblemType type, String code, String detail) {
        return new ApiProblem(type, title(type), detail, code, List.of(new Problem("$", code, detail, detail)));
    }

    public ApiProblem of(ProblemType type, String detail, List<Problem> problems) {
        return new ApiProblem(type, title(type), detail, null, problems);
    }

    public ResponseEntity<ApiProblem> answer(ApiProblem problem) {
        return ResponseEntity.status(HttpStatus.valueOf(problem.getStatus())).contentType(PROBLEM_JSON).body(problem);
    }

    /** Writes a problem where no controller answers (the security filters). */
    public void write(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
