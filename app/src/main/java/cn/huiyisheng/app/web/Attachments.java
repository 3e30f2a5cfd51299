package cn.huiyisheng.app.web;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;

/**
 * A file someone uploaded, sent back as a download only: never shown inline by the browser (an
 * uploaded file is not trusted to be what it says), sandboxed, not sniffed, not cached.
 */
public final class Attachments {

    private Attachments() {
    }

    public static ResponseEntity<byte[]> of(String filename, String contentType, byte[] content) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build()
                        .toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .contentType(MediaType.parseMediaType(contentType)).body(content);
    }
}
