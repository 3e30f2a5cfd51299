package cn.huiyisheng.app.identity.web;

import cn.huiyisheng.app.identity.SignIns;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.security.web.WebAttributes;

/** Our own sign-in page (in the user's language, with the language switch), and where "/" leads for now. */
@Controller
public class SignInController {

    @GetMapping("/login")
    public String signIn(HttpSession session, Model model) {
        Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("throttled", last instanceof SignIns.Throttled
                || last instanceof org.springframework.security.core.AuthenticationException a && a.getCause() instanceof SignIns.Throttled);
        return "login";
    }

    /**
     * Where one lands after signing in, by role (the site's root is the portal's calculator, open to
     * everyone): staff to their work, policy staff to the console, the administrator to the blocked
     * claims; an applicant to their claims.
     */
    @GetMapping("/home")
    public String root(org.springframework.security.core.Authentication auth) {
        boolean staff = auth != null && auth.getAuthorities().stream().map(a -> a.getAuthority())
                .anyMatch(a -> a.equals("ROLE_REVIEWER") || a.equals("ROLE_SUPERVISOR") || a.equals("ROLE_PAYMENT_OFFICER"));
        boolean admin = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
        boolean policy = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_POLICY_STAFF"));
        boolean auditor = auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_AUDITOR"));
        if (!staff && !policy && !admin && auditor) {
            return "redirect:/audit";
        }
        if (!staff && !policy && !admin) {
            return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_APPLICANT"))
                    ? "redirect:/my" : "redirect:/";
        }
        return !staff && policy ? "redirect:/policy" : !staff && admin ? "redirect:/inbox/blocked" : "redirect:/inbox";
    }
}
