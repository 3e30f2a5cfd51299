package cn.huiyisheng.app.claims.web;

import cn.huiyisheng.app.claims.ReviewTasks;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.web.JsonInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The staff's tasks: list, claim, decide (review and second approval). */
@RestController
@RequestMapping("/api/tasks")
public class TasksController {

    private final ReviewTasks tasks;
    private final JsonInput input;

    public TasksController(ReviewTasks tasks, JsonInput input) {
        this.tasks = tasks;
        this.input = input;
    }

    @Operation(summary = "My tasks, my groups' tasks or what I decided, searched, filtered, sorted, one page / 我的待办、组任务、已办",
            description = "tab: OPEN (default: assigned to me and my groups' unassigned tasks), MINE, GROUP, DONE. q: a claim reference"
                    + " (or its beginning), the last 4 characters of the applicant's ID number, or part of the applicant's name."
                    + " benefit, district, status, overdue=true filter; sort: CREATED (default), RECEIVED, DUE, TOTAL, REFERENCE;"
                    + " dir: asc (default) or desc; page from 1; size 1-200 (default 50). The total is in X-Total-Count.")
    @GetMapping
    public ResponseEntity<List<ReviewTasks.TaskView>> inbox(Authentication auth, @RequestParam(required = false) String tab,
                                                            @RequestParam(required = false) String q,
                                                            @RequestParam(required = false) String benefit,
                                                            @RequestParam(required = false) String district,
                                                            @RequestParam(required = false) String status,
                                                            @RequestParam(required = false) String overdue,
                                                            @RequestParam(required = false) String sort,
                                                            @RequestParam(required = false) String dir,
                                                            @RequestParam(required = false) String page,
                                                            @RequestParam(required = false) String size) {
        CurrentUser user = CurrentUser.of(auth);
        ReviewTasks.Page found = tasks.page(user, ReviewTasks.Filter.parse(tab, q, benefit, district, status, overdue, sort, dir, page,
                size, ReviewTasks.Tab.OPEN, 50));
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(found.total())).body(found.items());
    }

    @Operation(summary = "Take a task / 领取任务")
    @PostMapping("/{id}/claim")
    public ReviewTasks.TaskView claim(Authentication auth, @PathVariable String id) {
        CurrentUser user = CurrentUser.of(auth);
        return tasks.claim(id, user);
    }

    @Operation(summary = "Decide: APPROVE, REFUSE (reason) or REQUEST_INFO (what is needed) / 审核决定",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReviewTasks.Decision.class),
                    examples = {@ExampleObject(name = "approve", value = "{\"decision\": \"APPROVE\"}"),
                            @ExampleObject(name = "request information",
                                    value = "{\"decision\": \"REQUEST_INFO\", \"reason\": \"请补充独生子女死亡证明\"}")})),
            responses = {@ApiResponse(responseCode = "204"),
                    @ApiResponse(responseCode = "400", content = @Content(schema = @Schema(implementation = cn.huiyisheng.app.web.ApiProblem.class))),
                    @ApiResponse(responseCode = "403", content = @Content(schema = @Schema(implementation = cn.huiyisheng.app.web.ApiProblem.class)))})
    @PostMapping("/{id}/complete")
    public ResponseEntity<Void> complete(Authentication auth, @PathVariable String id, @RequestBody(required = false) byte[] body) {
        CurrentUser user = CurrentUser.of(auth);
        tasks.decide(id, user, input.require(body, ReviewTasks.Decision.class));
        return ResponseEntity.noContent().build();
    }
}
