package cn.huiyisheng.app.notifications;

import cn.huiyisheng.app.notifications.persistence.NotificationMapper;
import cn.huiyisheng.app.notifications.persistence.NotificationRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Sends the messages not sent yet through the {@link Notifier}, a batch a minute: each is first
 * marked sent by a guarded update, so that with several nodes exactly one sends it (at most once:
 * an SMS sent twice is worse than one lost, which the message box still shows).
 */
@Component
public class SmsRelay {

    private static final Logger log = LoggerFactory.getLogger(SmsRelay.class);

    private final NotificationMapper mapper;
    private final Notifier notifier;
    private final Clock clock;

    public SmsRelay(NotificationMapper mapper, Notifier notifier, Clock clock) {
        this.mapper = mapper;
        this.notifier = notifier;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${huiyisheng.notifications.sms-every:PT1M}", initialDelayString = "PT30S")
    public void relay() {
        relay(500);
    }

    /** Sends up to {@code limit} messages; how many this node sent. */
    public int relay(int limit) {
        int sent = 0;
        for (NotificationRow r : mapper.unsent(limit)) {
            if (mapper.markSent(r.getId(), clock.instant()) != 1) {
                continue; // another node took it
            }
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
