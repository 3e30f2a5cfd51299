package cn.huiyisheng.app.payments;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV of bank files and return files (RFC 4180 through Commons CSV: quoting, line breaks,
 * CRLF). Bank files are UTF-8 with a byte-order mark by default, what Excel in China opens
 * correctly, or GB18030 when a bank asks; a text cell beginning with {@code = + - @} (or a tab or
 * carriage return) is neutralised with a leading apostrophe, so that a spreadsheet never runs it
 * as a formula. Return files are read as UTF-8 (with or without the mark), else as GB18030.
 */
public final class BankFiles {

    /** The encodings a bank file can be written in ({@code huiyisheng.payments.bank-file-encoding}). */
    public enum Encoding {
        UTF_8_BOM, GB18030
    }

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private BankFiles() {
    }

    /** A text cell as a spreadsheet must not evaluate it. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }

    /** Writes the header and the rows (cells already neutralised where they are text) in the encoding. */
    static byte[] write(List<String> header, List<List<String>> rows, Encoding encoding) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (encoding == Encoding.GB18030) {
            return out.toString().getBytes(Charset.forName("GB18030"));
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] withMark = new byte[body.length + 3];
        withMark[0] = (byte) 0xEF;
        withMark[1] = (byte) 0xBB;
        withMark[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withMark, 3, body.length);
        return withMark;
    }

    /** A record of a file read back, with the line it starts on (1 is the header). */
    record Line(long number, List<String> cells) {
    }

    /** The records of a file: UTF-8 (the mark skipped) when it is valid UTF-8, else GB18030. */
    static List<Line> read(byte[] content) {
        String text = decode(content == null ? new byte[0] : content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(CSVFormat.RFC4180).get()) {
            for (CSVRecord r : parser) {
                List<String> cells = new ArrayList<>();
                r.forEach(cells::add);
                lines.add(new Line(r.getRecordNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("not a CSV file: " + e.getMessage(), e);
        }
        return lines;
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(content, Charset.forName("GB18030"));
        }
    }
}
