package cn.huiyisheng.app.claims.web;

import cn.huiyisheng.app.claims.ReviewTasks;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.web.JsonInput;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

    @Operation(summary = "Open tasks for my groups and tasks assigned to me / 我的待办")
    @GetMapping
    public List<ReviewTasks.TaskView> inbox(Authentication auth) {
        CurrentUser user = CurrentUser.of(auth);
        return tasks.inbox(user);
    }

    @Operation(summary = "Take a task / 领取任务")
    @PostMapping("/{id}/claim")
    public ReviewTasks.TaskView claim(Authentication auth, @PathVariable String id) {
        CurrentUser user = CurrentUser.of(auth);
        return tasks.claim(id, user);
    }

    @Operation(summary = "Decide: APPROVE, REFUSE (reason) or REQUEST_INFO (what is needed) / 审核决定")
    @PostMapping("/{id}/complete")
    public ResponseEntity<Void> complete(Authentication auth, @PathVariable String id, @RequestBody(required = false) byte[] body) {
        CurrentUser user = CurrentUser.of(auth);
        tasks.decide(id, user, input.require(body, ReviewTasks.Decision.class));
        return ResponseEntity.noContent().build();
    }
}
