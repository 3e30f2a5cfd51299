package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.claims.persistence.WorkItemMapper;
import cn.huiyisheng.processes.claim.ClaimProcess;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    private final cn.huiyisheng.app.claims.persistence.WorkItemRows rows;

    public WorkItems(WorkItemMapper items, cn.huiyisheng.app.claims.persistence.WorkItemRows rows) {
        this.items = items;
        this.rows = rows;
    }

    @EventListener
    public void on(DelegateTask task) {
        String processKey = processKey(task.getProcessDefinitionId());
        if (processKey == null) {
            return;
        }
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> insert(task, processKey);
            case TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_UPDATE -> update(task);
            case TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE -> {
                pending().remove(task.getId()); // a change made in this transaction need not be written: the row goes
                rows.delete(task.getId());
            }
            default -> {
                // a timeout changes nothing the lists show
            }
        }
    }

    private void insert(DelegateTask task, String processKey) {
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (processKey.equals(ClaimProcess.PROCESS_ID)) {
            rows.insertForClaim(task.getId(), task.getTaskDefinitionKey(), task.getName(), group(task), task.getAssignee(),
                    task.getCreateTime().toInstant(), due, businessKey, processKey);
        } else {
            items.insert(task.getId(), task.getTaskDefinitionKey(), task.getName(), group(task), task.getAssignee(),
                    task.getCreateTime().toInstant(), due, businessKey, processKey);
        }
        written().put(task.getId(), java.util.Arrays.asList(task.getAssignee(), due, task.getName()));
    }

    /**
     * The engine raises "update" and then "assignment" for one change of assignee (and "create"
     * then "assignment" for a task created with one): the row is written once per change, and
     * again only if a listener in between changed what the lists show.
     */
    private void update(DelegateTask task) {
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        List<Object> shown = java.util.Arrays.asList(task.getAssignee(), due, task.getName());
        if (shown.equals(written().put(task.getId(), shown))) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            items.update(task.getId(), task.getAssignee(), due, task.getName());
            return;
        }
        // written as the transaction commits, once, unless the task is completed in it first (a reviewer's
        // decision takes the task and completes it in one transaction: the row is deleted, never updated)
        pending().put(task.getId(), shown);
    }

    /** The changes of assignee, due date or name this transaction still has to write, by task (written before it commits). */
    private Map<String, List<Object>> pending() {
        Transaction t = transaction();
        return t == null ? new HashMap<>() : t.pending();
    }

    /** What this transaction has written per task (empty outside one: then every event writes). */
    private Map<String, List<Object>> written() {
        Transaction t = transaction();
        return t == null ? new HashMap<>() : t.written();
    }

    /** What the current transaction has written and still has to, per task. */
    private record Transaction(Map<String, List<Object>> written, Map<String, List<Object>> pending) {
    }

    /** The current transaction's, bound with its first task event (null outside a transaction). */
    private Transaction transaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Transaction t = (Transaction) TransactionSynchronizationManager.getResource(TRANSACTION);
        if (t == null) {
            Transaction fresh = new Transaction(new HashMap<>(), new java.util.LinkedHashMap<>());
            TransactionSynchronizationManager.bindResource(TRANSACTION, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    fresh.pending().forEach((taskId, shown) -> items.update(taskId, (String) shown.get(0), (Instant) shown.get(1),
                            (String) shown.get(2)));
                    fresh.pending().clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TRANSACTION);
                }
            });
            t = fresh;
        }
        return t;
    }

    private static final Object TRANSACTION = new Object();

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
