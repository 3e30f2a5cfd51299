package cn.huiyisheng.app.determinations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A result as the records made since V39 store it: its SHA-256 and its UTF-8 text compressed
 * (zlib). In a record's hash the result field is then {@code 0x00, the SHA-256 in hex, 0x00, the
 * compressed bytes} ({@link #writeSealed}): inflating is a function, so the compressed bytes
 * seal the text exactly as the text itself did, and no JSON text begins with a zero byte, so
 * the two forms cannot be taken for each other. The SHA-256 lets a replay compare a result it
 * evaluated again with the sealed one without inflating it; it is sealed too, so it cannot be
 * changed alone. The chain's verification hashes the compressed bytes as stored (a third of the
 * text, and in MariaDB kept in the row rather than off it).
 */
public final class SealedResult {

    /** The most a stored result may inflate to: a record is kilobytes; anything near this is not one of ours. */
    static final int MAX_TEXT = 64 * 1024 * 1024;

    private SealedResult() {
    }

    public static String sha256(byte[] utf8) {
        return cn.huiyisheng.rules.compile.TableCompiler.sha256(utf8);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] compress(byte[] utf8) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try {
            deflater.setInput(utf8);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, utf8.length / 3));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The text of a compressed result; a stored value that does not inflate is reported, never guessed at. */
    public static String inflate(byte[] z) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(z);
            ByteArrayOutputStream out = new ByteArrayOutputStream(z.length * 4);
            byte[] buffer = new byte[16384];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored result is cut short (its compressed bytes end early)");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_TEXT) {
                    throw new IllegalStateException("a stored result inflates beyond " + MAX_TEXT + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored result is not valid compressed data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /**
     * The result field of a record's hash, as stored: the text's UTF-8 bytes when there is a text,
     * then, when there is a compressed result, a zero byte, its SHA-256, a zero byte and the compressed
     * bytes. A record has one or the other; one with both (a text put beside a compressed result) hashes
     * differently from its seal.
     */
    public static void writeSealed(OutputStream out, byte[] textUtf8, String sha256, byte[] z) throws IOException {
        if (textUtf8 != null) {
            out.write(textUtf8);
        }
        if (z != null) {
            out.write(0);
            out.write(String.valueOf(sha256).getBytes(StandardCharsets.US_ASCII));
            out.write(0);
            out.write(z);
        }
    }
}
