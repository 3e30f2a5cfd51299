package cn.huiyisheng.app.web;

import cn.huiyisheng.rules.household.Labelled;
import cn.huiyisheng.rules.household.Problem;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a JSON request leniently enough to report every problem at once: an unknown field, an
 * unknown enumerated value, a malformed date or a wrong type is recorded with its JSON path and
 * reading goes on (the value becomes null), where plain Jackson would stop at the first.
 */
@Component
public class JsonInput {

    /** The largest JSON body read (a household with 20 children is a few KB). */
    static final int MAX_BODY = 256 * 1024;

    private final ObjectMapper mapper;

    public JsonInput(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The parsed value and the problems met on the way. */
    public record Read<T>(T value, List<Problem> problems) {
    }

    public <T> Read<T> read(byte[] body, Class<T> type) {
        Collector collector = new Collector();
        if (body == null || body.length == 0) {
            collector.problems.add(new Problem("$", "REQUIRED", "a JSON object is required", "请求内容不能为空"));
            return new Read<>(null, collector.problems);
        }
        if (body.length > MAX_BODY) {
            collector.problems.add(new Problem("$", "TOO_LARGE", "a request body of at most " + MAX_BODY / 1024 + " KB, found "
                    + body.length / 1024 + " KB", "请求内容最多" + MAX_BODY / 1024 + " KB"));
            return new Read<>(null, collector.problems);
        }
        try (InputLimits parser = new InputLimits(mapper.getFactory().createParser(body), collector.problems)) {
            collector.limits = parser;
            // a reader with its own problem handler shares the mapper's deserializers: cheap per request
            T value = mapper.readerFor(type).withHandler(collector).readValue(parser);
            if (value == null) {
                collector.problems.add(new Problem("$", "REQUIRED", "a JSON object is required", "请求内容不能为空"));
            }
            return new Read<>(value, collector.problems);
        } catch (MismatchedInputException e) {
            // never a Java class name in a message: say what was expected
            collector.problems.add(new Problem(path(e.getPath()), "INVALID_VALUE",
                    "expected " + Collector.expected(e.getTargetType() == null ? Object.class : e.getTargetType()), "取值格式不正确"));
        } catch (IOException e) {
            // what was read before the syntax error is not worth reporting: the body must be fixed first
            collector.problems.clear();
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                    ? " at line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() : "";
            collector.problems.add(new Problem("$", "MALFORMED_JSON", "the body is not valid JSON" + where, "请求内容不是有效的JSON"));
        }
        return new Read<>(null, collector.problems);
    }

    /** The parsed value, or a 400 listing every problem. */
    public <T> T require(byte[] body, Class<T> type) {
        Read<T> read = read(body, type);
        if (!read.problems().isEmpty()) {
            throw new BadInput(read.problems());
        }
        return read.value();
    }

    private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        StringBuilder b = new StringBuilder("$");
        for (var r : refs) {
            if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            }
        }
        return b.toString();
    }

    /** The JSON path of the parser's position. */
    static String path(JsonStreamContext ctx, String field) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.inObject() && c.getCurrentName() != null) {
                parts.add("." + c.getCurrentName());
            }
        }
        StringBuilder b = new StringBuilder("$");
        for (int i = parts.size() - 1; i >= 0; i--) {
            b.append(parts.get(i));
        }
        if (field != null) {
            b.append('.').append(field);
        }
        return b.toString();
    }

    private static final class Collector extends DeserializationProblemHandler {
        final List<Problem> problems = new ArrayList<>();
        InputLimits limits;

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            // the context's current name is the unknown property itself; when its value is an object or
            // a list, the parser is already inside it, and the property is named by the context around it
            JsonStreamContext ctx = p.getParsingContext();
            if ((p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) && ctx.getParent() != null) {
                ctx = ctx.getParent();
            }
            String known = limits == null ? null : limits.pathOf(propertyName);
            String path = known != null ? known : path(ctx, null);
            problems.add(new Problem(path, "UNKNOWN_FIELD", "unknown field '" + propertyName + "'", "未知字段 " + propertyName));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value, String failureMsg) {
            problems.add(new Problem(path(ctxt.getParser().getParsingContext(), null), "INVALID_VALUE",
                    "'" + value + "' is not " + expected(targetType), "取值无效：" + value));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value, String failureMsg) {
            problems.add(new Problem(path(ctxt.getParser().getParsingContext(), null), "INVALID_VALUE",
                    value + " is not " + expected(targetType), "取值无效：" + value));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            String path = path(p.getParsingContext(), null);
            problems.add(new Problem(path, "INVALID_TYPE", "expected " + expected(targetType.getRawClass()) + ", found " + describe(t),
                    "类型不正确"));
            p.skipChildren();
            return null;
        }

        private static String describe(JsonToken t) {
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "a string";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
                case VALUE_TRUE, VALUE_FALSE -> "true/false";
                default -> String.valueOf(t);
            };
        }

        static String expected(Class<?> type) {
            if (type.isEnum()) {
                return "one of " + Arrays.stream(type.getEnumConstants())
                        .map(e -> ((Enum<?>) e).name() + (e instanceof Labelled l ? " (" + l.zh() + ")" : ""))
                        .collect(Collectors.joining(", "));
            }
            if (type == LocalDate.class) {
                return "a date (yyyy-mm-dd)";
            }
            if (type == YearMonth.class) {
                return "a month (yyyy-mm)";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "a number";
            }
            if (type == String.class) {
                return "a string";
            }
            if (java.util.Collection.class.isAssignableFrom(type)) {
                return "an array";
            }
            return "an object";
        }
    }
}
