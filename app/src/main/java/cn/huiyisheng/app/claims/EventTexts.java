package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a timeline event says, in the page's language, from its values: "符合条件，总金额¥680.00",
 * "已安排2笔支付". What a person wrote (a reason, an answer, an appeal) is shown as written. Events
 * recorded before their values were kept, and types with nothing more to say, have no detail.
 */
@Component("events")
public class EventTexts {

    private final MessageSource messages;
    private final Formats formats;

    public EventTexts(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    public String detail(ClaimView.Event e, Locale locale) {
        String type = e.type();
        if (type.startsWith("REVIEWED_") || type.startsWith("SECOND_APPROVAL_") || type.equals("INFO_PROVIDED") || type.equals("APPEALED")) {
            return e.detail() == null || e.detail().isBlank() ? null : e.detail();
        }
        List<String> p = e.params() == null ? List.of() : e.params();
        try {
            return switch (type) {
                case "SUBMITTED" -> p.size() < 3 ? null : messages.getMessage(p.size() > 3 && "OPEN".equals(p.get(3))
                                ? "event.detail.SUBMITTED.open" : "event.detail.SUBMITTED",
                        new Object[]{benefits(p.get(0), locale), p.get(1), p.get(2)}, locale);
                case "PAYMENT_DETERMINED" -> p.size() < 6 ? null : messages.getMessage("event.detail.PAYMENT_DETERMINED",
                        new Object[]{benefits(p.get(0), locale), p.get(1), p.get(2), p.get(3), formats.money(new BigDecimal(p.get(4))),
                                p.get(5)}, locale);
                case "LIFE_EVENT" -> p.size() < 4 ? null : messages.getMessage("event.detail.LIFE_EVENT",
                        new Object[]{messages.getMessage("lifeEvent." + p.get(0), null, p.get(0), locale), p.get(1), p.get(2), p.get(3)},
                        locale);
                case "CONFIRMATION_DUE", "SUSPENDED" -> p.size() < 3 ? null : messages.getMessage("event.detail." + type,
                        new Object[]{benefits(p.get(0), locale), p.get(1), p.get(2)}, locale);
                case "CONFIRMED" -> p.size() < 4 ? null : messages.getMessage("event.detail.CONFIRMED",
                        new Object[]{p.get(0), p.get(1), p.get(2), p.get(3)}, locale);
                case "CHANGE_REPORTED" -> p.size() < 3 ? null : messages.getMessage("event.detail." + type, new Object[]{
                        messages.getMessage("lifeEvent." + p.get(0), null, p.get(0), locale), p.get(1), p.get(2)}, locale);
                case "DOCUMENTS_ADDED" -> p.size() < 2 ? null : messages.getMessage("event.detail." + type, new Object[]{p.get(0),
                        String.join(locale.getLanguage().equals("en") ? ", " : "、", java.util.Arrays.stream(p.get(1).split(","))
                                .map(k -> messages.getMessage("doc." + k, null, k, locale)).toList())}, locale);
                case "FACTS_CORRECTED" -> p.size() < 2 ? null : messages.getMessage("event.detail." + type, new Object[]{p.get(0), p.get(1)},
                        locale);
                case "RECOVERY_WITHHELD" -> p.size() < 3 ? null : messages.getMessage("event.detail." + type,
                        new Object[]{p.get(0), p.get(1), p.get(2)}, locale);
                case "OVERPAYMENT_WAIVED", "OVERPAYMENT_RECOVERY" -> p.size() < 4 ? null : messages.getMessage("event.detail." + type,
                        new Object[]{benefits(p.get(0), locale), p.get(1), p.get(2), p.get(3)}, locale);
                case "HELD_FOR_REVIEW", "HOLD_DECIDED_CONTINUE", "HOLD_DECIDED_END" -> p.size() < 4 ? null
                        : messages.getMessage("event.detail." + type, new Object[]{benefits(p.get(0), locale),
                        messages.getMessage("subject." + p.get(1), null, p.get(1), locale), p.get(2),
                        // a hold's reason in the reader's language (English since V31)
                        "HELD_FOR_REVIEW".equals(type) && p.size() >= 5 && "en".equals(locale.getLanguage()) ? p.get(4) : p.get(3)}, locale);
                case "CORRECTED" -> p.size() < 5 ? null : messages.getMessage("event.detail.CORRECTED",
                        new Object[]{p.get(0), p.get(1), formats.money(new BigDecimal(p.get(2))), p.get(3),
                                formats.money(new BigDecimal(p.get(4)))}, locale);
                case "ENTITLEMENT_ENDED" -> p.size() < 3 ? null : messages.getMessage("event.detail.ENTITLEMENT_ENDED",
                        new Object[]{benefits(p.get(0), locale), p.get(1),
                                p.size() >= 4 && "en".equals(locale.getLanguage()) ? p.get(3) : p.get(2)}, locale);
                case "EVALUATED" -> p.size() < 2 ? null : Boolean.parseBoolean(p.get(0))
                        ? messages.getMessage("event.detail.EVALUATED.eligible", new Object[]{formats.money(new BigDecimal(p.get(1)))}, locale)
                        : messages.getMessage("event.detail.EVALUATED.none", null, locale);
                case "GRANTED" -> p.isEmpty() ? null : messages.getMessage("event.detail.GRANTED", new Object[]{p.get(0)}, locale);
                case "HELD_BY_OTHER_CLAIM" -> p.size() < 2 ? null
                        : messages.getMessage("event.detail.HELD_BY_OTHER_CLAIM", new Object[]{p.get(0), p.get(1)}, locale);
                default -> null;
            };
        } catch (RuntimeException unreadable) {
            return null; // a value that does not read as its type: the event's name says enough
        }
    }

    private String benefits(String codes, Locale locale) {
        if (codes == null || codes.isBlank()) {
            return messages.getMessage("benefit.all", null, locale);
        }
        return Arrays.stream(codes.split(",")).map(c -> messages.getMessage("benefit." + c, null, c, locale))
                .collect(Collectors.joining(locale.getLanguage().equals("en") ? ", " : "、"));
    }
}
