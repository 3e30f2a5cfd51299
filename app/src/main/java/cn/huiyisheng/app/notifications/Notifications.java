package cn.huiyisheng.app.notifications;

import cn.huiyisheng.app.notifications.persistence.NotificationMapper;
import cn.huiyisheng.app.notifications.persistence.NotificationRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * What the applicant is told (issue 11 §3): a message in the portal's message box for every event
 * that concerns them, written by the step that makes the event, in its transaction (a step rolled
 * back tells nothing; a step retried after a crash tells once). The messages are also the outbox
 * of the SMS channel ({@link Notifier}, sent by {@link SmsRelay}).
 */
@Service
@Transactional
public class Notifications {

    /** What a message is about; its words are the portal's ({@code notice.TYPE}), from its params. */
    public enum Type { INFO_REQUESTED, APPROVED, REFUSED, PAID, CONFIRMATION_DUE, WITHDRAWN, CLOSED }

    private static final ObjectMapper PARAMS = new ObjectMapper();

    private final NotificationMapper mapper;
    private final Clock clock;

    private final cn.huiyisheng.app.notifications.persistence.NotificationWriter writer;

    public Notifications(NotificationMapper mapper, Clock clock, cn.huiyisheng.app.notifications.persistence.NotificationWriter writer) {
        this.writer = writer;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Tells the applicant of the claim with this reference. */
    public void claim(String reference, Type type, List<String> params) {
        if (writer.insertForReference(reference, type.name(), json(params), clock.instant()) != 1) {
            throw new IllegalStateException("no claim " + reference + " to tell its applicant of " + type);
        }
    }

    /** Tells the applicant of the claim with this id. */
    public void claim(long claimId, Type type, List<String> params) {
        if (mapper.insertForClaim(claimId, type.name(), json(params), clock.instant()) != 1) {
            throw new IllegalStateException("no claim " + claimId + " to tell its applicant of " + type);
        }
    }

    /** Tells every applicant whose claim this run paid: how many payments, how much; one statement for the run. */
    public int paidInRun(long runId) {
        return mapper.insertPaidInRun(runId, clock.instant());
    }

    private static String json(List<String> params) {
        try {
            return params == null || params.isEmpty() ? null : PARAMS.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message as the portal shows it. */
    public record Message(long id, String claimReference, Type type, List<String> params, Instant at, boolean read) {
    }

    @Transactional(readOnly = true)
    public List<Message> of(String username) {
        return mapper.ofUser(username).stream().map(Notifications::message).toList();
    }

    @Transactional(readOnly = true)
    public int unread(String username) {
        return mapper.unread(username);
    }

    public void markAllRead(String username) {
        mapper.markAllRead(username, clock.instant());
    }

    static Message message(NotificationRow r) {
        List<String> params;
        try {
            params = r.getParams() == null ? List.of() : List.of(PARAMS.readValue(r.getParams(), String[].class));
        } catch (JsonProcessingException e) {
            params = List.of();
        }
        return new Message(r.getId(), r.getClaimReference(), Type.valueOf(r.getType()), params, r.getCreatedAt(), r.getReadAt() != null);
    }
}
