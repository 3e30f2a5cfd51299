package cn.huiyisheng.app.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * 长辈版, the elder mode of MIIT's 2021 rules for elder-friendly sites: larger type, wider line
 * spacing, larger targets. {@code ?elder=on} (or {@code off}) on any page switches it and a cookie
 * remembers it for a year (no account needed: the calculator is used signed out); every page's
 * model says whether it is on ({@code elder}), and the layout marks the body with it.
 */
@ControllerAdvice
public class ElderMode implements HandlerInterceptor {

    static final String COOKIE = "hys-elder";
    static final String ATTRIBUTE = ElderMode.class.getName();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String asked = request.getParameter("elder");
        if ("on".equals(asked) || "off".equals(asked)) {
            boolean on = asked.equals("on");
            response.addHeader("Set-Cookie", ResponseCookie.from(COOKIE, on ? "1" : "").path("/").httpOnly(true).sameSite("Lax")
                    .secure(request.isSecure()).maxAge(on ? java.time.Duration.ofDays(365) : java.time.Duration.ZERO).build().toString());
            request.setAttribute(ATTRIBUTE, on);
        }
        return true;
    }

    /** Whether this request's page is shown in elder mode. */
    public static boolean on(HttpServletRequest request) {
        Object asked = request.getAttribute(ATTRIBUTE);
        if (asked instanceof Boolean b) {
            return b;
        }
        if (request.getCookies() != null) {
            for (Cookie c : request.getCookies()) {
                if (COOKIE.equals(c.getName()) && "1".equals(c.getValue())) {
                    return true;
                }
            }
        }
        return false;
    }

    @ModelAttribute("elder")
    public boolean elder(HttpServletRequest request) {
        return on(request);
    }
}
