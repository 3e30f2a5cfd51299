package cn.huiyisheng.app.web;

import cn.huiyisheng.rules.household.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The limits of every JSON input, checked while it is read: the length of each string by its
 * field (names 50, districts and addresses 100, reasons and notes 2,000, anything else 200), the
 * size of each list (children 20, measures 10, prior benefits 50, benefits 20, anything else 100)
 * and the range of every date (1900-01-01 to 2100-12-31). Each is reported at its JSON path with
 * the limit; a value over a limit is cut so that reading can go on and report everything at once.
 */
final class InputLimits extends JsonParserDelegate {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private static final int DEFAULT_STRING = 200;
    private static final int DEFAULT_LIST = 100;
    private static final Map<String, Integer> STRINGS = Map.ofEntries(
            Map.entry("name", 50), Map.entry("username", 32), Map.entry("district", 100), Map.entry("address", 100),
            Map.entry("bankName", 100), Map.entry("reason", 2_000), Map.entry("note", 2_000), Map.entry("idNumber", 18),
            Map.entry("recipientId", 18), Map.entry("bankAccount", 30), Map.entry("number", 50), Map.entry("password", 128),
            Map.entry("phone", 20));
    private static final Map<String, Integer> LISTS = Map.of("children", 20, "measures", 10, "priorBenefits", 50, "benefits", 20);
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private final List<Problem> problems;
    private final Set<String> reported = new HashSet<>();
    /** The path of every field name read, in order: where an unknown field really is (see {@link #pathOf}). */
    private final List<String> fields = new java.util.ArrayList<>();
    private final Set<Integer> claimed = new HashSet<>();

    InputLimits(JsonParser parser, List<Problem> problems) {
        super(parser);
        this.problems = problems;
    }

    /**
     * The path of the latest field of this name not yet named: Jackson reports an unknown field of
     * a record after reading on (its creator buffers properties), when the parser's position no
     * longer says where the field was.
     */
    String pathOf(String field) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            String path = fields.get(i);
            if (path.endsWith("." + field) && claimed.add(i)) {
                return path;
            }
        }
        return null;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken t = super.nextToken();
        if (t == JsonToken.FIELD_NAME) {
            fields.add(JsonInput.path(getParsingContext(), null));
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY || t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
            // an element of a list: is the list too long?
            JsonStreamContext ctx = getParsingContext();
            JsonStreamContext list = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY ? ctx.getParent() : ctx;
            if (t != JsonToken.FIELD_NAME && list != null && list.inArray()) {
                String field = list.getParent() == null ? null : list.getParent().getCurrentName();
                int max = LISTS.getOrDefault(field, DEFAULT_LIST);
                if (list.getCurrentIndex() >= max) {
                    report(JsonInput.path(list.getParent(), null) + (field == null ? "" : ""), "TOO_MANY",
                            "at most " + max + " items", "最多" + max + "项");
                }
            }
        }
        return t;
    }

    @Override
    public String getText() throws IOException {
        String text = super.getText();
        if (currentToken() != JsonToken.VALUE_STRING || text == null) {
            return text;
        }
        JsonStreamContext ctx = getParsingContext();
        String field = ctx.inObject() ? ctx.getCurrentName() : ctx.getParent() == null ? null : ctx.getParent().getCurrentName();
        int max = STRINGS.getOrDefault(field, DEFAULT_STRING);
        if (text.length() > max) {
            report(JsonInput.path(ctx, null), "TOO_LONG", "at most " + max + " characters, found " + text.length(),
                    "最多" + max + "个字符");
            return text.substring(0, max);
        }
        if (DATE.matcher(text).matches() || MONTH.matcher(text).matches()) {
            try {
                LocalDate day = text.length() == 10 ? LocalDate.parse(text) : YearMonth.parse(text).atDay(1);
                if (day.isBefore(EARLIEST) || day.isAfter(LATEST)) {
                    report(JsonInput.path(ctx, null), "OUT_OF_RANGE", "a date between " + EARLIEST + " and " + LATEST + ", found " + text,
                            "日期须在" + EARLIEST + "至" + LATEST + "之间");
                }
            } catch (DateTimeException notADate) {
                // the deserializer reports a malformed date at its path
            }
        }
        return text;
    }

    @Override
    public String getValueAsString() throws IOException {
        return currentToken() == JsonToken.VALUE_STRING ? getText() : super.getValueAsString();
    }

    @Override
    public String getValueAsString(String defaultValue) throws IOException {
        return currentToken() == JsonToken.VALUE_STRING ? getText() : super.getValueAsString(defaultValue);
    }

    private void report(String path, String code, String message, String zh) {
        if (reported.add(path + "|" + code)) {
            problems.add(new Problem(path, code, message, zh));
        }
    }
}
