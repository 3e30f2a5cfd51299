package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.claims.persistence.WorkItemMapper;
import cn.huiyisheng.processes.claim.ClaimProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Keeps {@code work_item} (the rows the staff's task lists read) in step with the open user tasks
 * of the claim and payment-run processes, from the engine's task events, in the transaction of the
 * command that raises them: whatever path created, assigned, completed or deleted the task (our API,
 * Camunda's REST API, Cockpit cancelling an instance). The events are registered as built-in
 * listeners ({@code camunda.bpm.eventing.skippable: false}), so that "skip listeners" cannot skip them.
 */
@Component
public class WorkItems {

    private final WorkItemMapper items;

    public WorkItems(WorkItemMapper items) {
        this.items = items;
    }

    @EventListener
    public void on(DelegateTask task) {
        String processKey = processKey(task.getProcessDefinitionId());
        if (processKey == null) {
            return;
        }
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> items.insert(task.getId(), task.getTaskDefinitionKey(), task.getName(), group(task),
                    task.getAssignee(), task.getCreateTime().toInstant(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                    task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(), processKey);
            case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> items.update(task.getId(), task.getAssignee(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant(), task.getName());
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> items.delete(task.getId());
            default -> {
                // a timeout changes nothing the lists show
            }
        }
    }

    /** The process's key when it is one whose tasks the lists show (the definition id is key:version:id); null otherwise. */
    static String processKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        String key = processDefinitionId.substring(0, Math.max(0, processDefinitionId.indexOf(':')));
        return key.equals(ClaimProcess.PROCESS_ID) || key.equals(cn.huiyisheng.processes.payment.PaymentProcess.PROCESS_ID) ? key : null;
    }

    /** The task's candidate group (the processes give each user task one). */
    private static String group(DelegateTask task) {
        return task.getCandidates().stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).sorted().findFirst().orElse(null);
    }
}
