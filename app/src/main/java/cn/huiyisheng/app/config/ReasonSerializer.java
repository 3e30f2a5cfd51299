package cn.huiyisheng.app.config;

import cn.huiyisheng.rules.engine.Reason;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.io.StringWriter;

/**
 * Writes a reason as Jackson's bean serializer wrote it (the same fields in the same order, the
 * same escaping: a test holds the two equal), encoding each reason object once. The engine hands
 * the same reason objects to every household with the same outcome, and the reasons are most of a
 * sealed result's bytes; a bulk replay writes each result again, so this halves its writing
 * ({@code ./bench replay}).
 */
final class ReasonSerializer extends StdSerializer<Reason> {

    private static final JsonFactory PLAIN = new JsonFactory();

    ReasonSerializer() {
        super(Reason.class);
    }

    @Override
    public void serialize(Reason reason, JsonGenerator gen, SerializerProvider provider) throws IOException {
        boolean sorted = provider.isEnabled(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
        if (gen.getCharacterEscapes() != null || gen.isEnabled(JsonGenerator.Feature.ESCAPE_NON_ASCII)
                || gen.getPrettyPrinter() != null) {
            write(reason, gen, sorted); // a writer set up otherwise: no shared encoding
            return;
        }
        int form = sorted ? 1 : 0;
        SerializedString text;
        if (reason.encoded(form) instanceof SerializedString kept) {
            text = kept;
        } else {
            StringWriter out = new StringWriter(192);
            try (JsonGenerator g = PLAIN.createGenerator(out)) {
                write(reason, g, sorted);
            }
            text = new SerializedString(out.toString());
            reason.encoded(form, text);
        }
        gen.writeRawValue(text);
    }

    /** The order of Jackson's bean serializer: alphabetical when the mapper sorts, else the creator's (code, met, zh, en). */
    private static void write(Reason r, JsonGenerator g, boolean sorted) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", r.code());
        if (sorted) {
            g.writeStringField("en", r.en());
            g.writeBooleanField("met", r.met());
            g.writeStringField("zh", r.zh());
        } else {
            g.writeBooleanField("met", r.met());
            g.writeStringField("zh", r.zh());
            g.writeStringField("en", r.en());
        }
        g.writeEndObject();
    }
}
