package cn.huiyisheng.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * No request body of our API is larger than {@link #MAX_BYTES} (a spreadsheet or a return file at
 * most 5 MB, JSON far less, {@link JsonInput#MAX_BODY}): a declared length above it is answered
 * 413 before anything is read, and a body sent without a length is cut off there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 6L * 1024 * 1024;

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new Limited(super.getInputStream());
                }
                return limited;
            }
        }, response);
    }

    static void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"title\":\"Too large / 请求内容过大\",\"status\":413,\"detail\":\"a request body may have at most "
                + MAX_BYTES / 1024 / 1024 + " MB\",\"problems\":[{\"path\":\"$\",\"code\":\"TOO_LARGE\",\"message\":\"at most "
                + MAX_BYTES / 1024 / 1024 + " MB\",\"zh\":\"请求内容最多" + MAX_BYTES / 1024 / 1024 + " MB\"}]}");
    }

    /** Thrown when a body without a declared length goes past the limit. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("request body larger than " + MAX_BYTES + " bytes");
        }
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        Limited(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > MAX_BYTES) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0 && (read += n) > MAX_BYTES) {
                throw new TooLarge();
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
