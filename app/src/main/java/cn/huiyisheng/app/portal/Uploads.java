package cn.huiyisheng.app.portal;

import cn.huiyisheng.app.claims.Claims;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.compile.TableCompiler;

import java.util.Arrays;

/**
 * An applicant's document as the portal takes it: one of the checklist's kinds, a PDF, JPEG or PNG
 * as its content says (whatever its name claims), at most 10 MB, kept with its SHA-256 under a
 * name made safe (no path, no control characters, the extension its content gives).
 */
public final class Uploads {

    /** The largest document accepted. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private Uploads() {
    }

    /** The document checked; every problem is a {@link BadInput} naming the field (kind, file). */
    public static Claims.Document check(String kind, String filename, byte[] content) {
        if (kind == null || Arrays.stream(cn.huiyisheng.app.claims.DocumentKind.values()).noneMatch(k -> k.name().equals(kind))) {
            throw new BadInput("kind", "REQUIRED", "choose what the document is", "请选择材料的种类");
        }
        if (content == null || content.length == 0) {
            throw new BadInput("file", "REQUIRED", "choose a file", "请选择要上传的文件");
        }
        if (content.length > MAX_BYTES) {
            throw new BadInput("file", "TOO_LARGE", "at most 10 MB", "文件最大 10 MB");
        }
        String type = contentType(content);
        if (type == null) {
            throw new BadInput("file", "UNSUPPORTED_TYPE", "a PDF, JPEG or PNG file", "只能上传 PDF、JPG 或 PNG 文件");
        }
        return new Claims.Document(kind, safeName(filename, type), type, content, TableCompiler.sha256(content));
    }

    /** The file's type as its first bytes say: PDF, JPEG or PNG; null for anything else. */
    public static String contentType(byte[] c) {
        if (c.length >= 5 && c[0] == '%' && c[1] == 'P' && c[2] == 'D' && c[3] == 'F' && c[4] == '-') {
            return "application/pdf";
        }
        if (c.length >= 3 && (c[0] & 0xff) == 0xFF && (c[1] & 0xff) == 0xD8 && (c[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (c.length >= 8 && (c[0] & 0xff) == 0x89 && c[1] == 'P' && c[2] == 'N' && c[3] == 'G' && c[4] == 0x0D && c[5] == 0x0A
                && c[6] == 0x1A && c[7] == 0x0A) {
            return "image/png";
        }
        return null;
    }

    /** A file's name as kept: no path, no control characters, at most 100 characters, the extension its content gives. */
    static String safeName(String filename, String type) {
        String name = filename == null ? "" : filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "").strip();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        if (stem.isEmpty()) {
            stem = "document";
        }
        if (stem.length() > 100) {
            stem = stem.substring(0, 100);
        }
        return stem + switch (type) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            default -> ".png";
        };
    }

}
