package cn.huiyisheng.app.portal.web;

import cn.huiyisheng.app.notifications.Notifications;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The applicant's message box (issue 11 §3): every message, newest first; opening it marks them
 * read. Every page an applicant sees says how many are unread (the header's link).
 */
@Controller
@ControllerAdvice
public class MessagesController {

    private final Notifications notifications;

    public MessagesController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/my/messages")
    public String messages(Authentication auth, Model model) {
        model.addAttribute("messages", notifications.of(auth.getName()));
        notifications.markAllRead(auth.getName());
        model.addAttribute("unread", 0);
        return "portal/messages";
    }

    /**
     * How many messages the signed-in applicant has not read (null for anyone else, and for the
     * JSON API, whose answers render no page: a model attribute of an advice runs for every
     * controller, and this one cost each API call of an applicant a count; found with the claims
     * bench's statement log).
     */
    @ModelAttribute("unread")
    public Integer unread(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_APPLICANT"))) {
            return null;
        }
        return notifications.unread(auth.getName());
    }
}
