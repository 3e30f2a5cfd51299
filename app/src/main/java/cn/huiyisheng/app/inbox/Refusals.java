package cn.huiyisheng.app.inbox;

import cn.huiyisheng.app.web.ApiErrors;
import org.springframework.context.MessageSource;

import java.util.Locale;

/**
 * What a page says when an action is refused, in the page's language: each bad field of a form (the
 * problems' own words), or a refusal by its stable code (four eyes, a conflict of interest, a task
 * someone else took …); a general sentence for what has no words of its own yet.
 */
final class Refusals {

    private Refusals() {
    }

    static String text(RuntimeException e, MessageSource messages, Locale locale) {
        if (e instanceof cn.huiyisheng.app.web.BadInput bad) {
            return bad.problems().stream().map(p -> locale.getLanguage().equals("en") ? p.message() : p.zh())
                    .reduce((a, b) -> a + "; " + b).orElse("");
        }
        String code = e instanceof cn.huiyisheng.processes.claim.DecisionRefused d ? d.code()
                : e instanceof cn.huiyisheng.app.web.Forbidden f ? f.code()
                : e instanceof cn.huiyisheng.app.web.Conflict c ? c.code()
                : e instanceof ApiErrors.NotFound ? "NOT_FOUND" : null;
        String fallback = messages.getMessage("refusal.other", null, locale);
        return code == null ? fallback : messages.getMessage("refusal." + code, null, fallback, locale);
    }
}
