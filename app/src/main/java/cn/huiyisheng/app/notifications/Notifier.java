package cn.huiyisheng.app.notifications;

/**
 * A channel outside the portal that tells an applicant of a message (an SMS gateway in a real
 * deployment: the integration point). It is given the message and the account it is for; it must
 * not keep or log the applicant's personal data beyond what sending needs.
 */
public interface Notifier {

    /** Sends one message; a failure is thrown (the message is not sent again: SMS is at most once). */
    void send(String username, Notifications.Message message);
}
