package cn.huiyisheng.app.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SMS channel's stand-in: no SMS gateway is reachable from here, so a message is written to
 * the log (its type, claim and account, nothing personal) instead of being sent. A deployment
 * replaces it with a bean of its own implementing {@link Notifier} for its gateway (the README says how).
 */
@Component
public class LoggingSmsNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsNotifier.class);

    @Override
    public void send(String username, Notifications.Message message) {
        log.info("SMS (not sent: no gateway configured) to account {}: {} of claim {}", username, message.type(), message.claimReference());
    }
}
