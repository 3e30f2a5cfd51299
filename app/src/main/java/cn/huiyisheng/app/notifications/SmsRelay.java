package cn.huiyisheng.app.notifications;

import cn.huiyisheng.app.notifications.persistence.NotificationMapper;
import cn.huiyisheng.app.notifications.persistence.NotificationRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the messages not sent yet through the {@link Notifier}, a batch a minute: each is first
 * marked sent by a guarded update, so that with several nodes exactly one sends it (at most once:
 * an SMS sent twice is worse than one lost, which the message box still shows). A batch's marks
 * commit together, before any of its messages is sent: one commit a batch, not one a message (each
 * was a write to the database's log of its own: 1.3 ms apiece in the claims bench's slow log), and
 * another node's mark of the same message waits for that commit and then finds it taken.
 */
@Component
public class SmsRelay {

    private static final Logger log = LoggerFactory.getLogger(SmsRelay.class);

    private final NotificationMapper mapper;
    private final Notifier notifier;
    private final Clock clock;
    private final TransactionTemplate marking;

    public SmsRelay(NotificationMapper mapper, Notifier notifier, Clock clock, PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.notifier = notifier;
        this.clock = clock;
        this.marking = new TransactionTemplate(transactions);
    }

    @Scheduled(fixedDelayString = "${huiyisheng.notifications.sms-every:PT1M}", initialDelayString = "PT30S")
    public void relay() {
        relay(500);
    }

    /** Sends up to {@code limit} messages; how many this node sent. */
    public int relay(int limit) {
        List<NotificationRow> taken = marking.execute(tx -> {
            Instant now = clock.instant();
            List<NotificationRow> mine = new ArrayList<>();
            for (NotificationRow r : mapper.unsent(limit)) {
                if (mapper.markSent(r.getId(), now) == 1) {
                    mine.add(r); // else another node took it
                }
            }
            return mine;
        });
        int sent = 0;
        for (NotificationRow r : taken) {
            try {
                notifier.send(r.getUsername(), Notifications.message(r));
                sent++;
            } catch (RuntimeException e) {
                log.warn("SMS of message {} could not be sent: {}", r.getId(), e.toString());
            }
        }
        return sent;
    }
}
