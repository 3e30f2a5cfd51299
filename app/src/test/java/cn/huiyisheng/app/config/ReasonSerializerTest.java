package cn.huiyisheng.app.config;

import cn.huiyisheng.rules.engine.Reason;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sealed results hold reasons as Jackson's bean serializer wrote them; the serializer that encodes
 * each reason once must write the very same bytes (or every sealed record would stop replaying
 * identically): in the API's order and in the canonical sorted one, as text and as bytes, the first
 * time and from what it kept, with characters that need escaping.
 */
class ReasonSerializerTest {

    /** The mix-in as it was before the serializer: Jackson's bean serializer over the four properties. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class BeanReasonJson {
        @com.fasterxml.jackson.annotation.JsonCreator
        BeanReasonJson(@JsonProperty("code") String code, @JsonProperty("met") boolean met, @JsonProperty("zh") String zh,
                       @JsonProperty("en") String en) {
        }

        @JsonProperty("code") abstract String code();
        @JsonProperty("met") abstract boolean met();
        @JsonProperty("zh") abstract String zh();
        @JsonProperty("en") abstract String en();
    }

    static ObjectMapper mapper(Class<?> mixin, boolean sorted) {
        return JsonMapper.builder().addMixIn(Reason.class, mixin).configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, sorted)
                .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    }

    @Test
    void writesWhatTheBeanSerializerWroteInBothOrdersTheFirstTimeAndAfter() throws Exception {
        List<Reason> reasons = List.of(
                new Reason("motherAge", true, "女方周岁（最少）：要求≥ 49，实际56（符合）", "mother's age, at least: required ≥ 49, actual 56 (met)"),
                new Reason("NO_VERSION_IN_FORCE", false, "引号\"、反斜杠\\、换行\n、制表\t、控制\u0001、𠀀（扩展B）", "a \"quoted\" \\ line\nbreak </script>"));
        Map<String, Object> holder = new java.util.TreeMap<>(Map.of("reasons", reasons, "more", List.of(reasons.get(0), reasons.get(0))));
        for (boolean sorted : new boolean[]{false, true}) {
            ObjectMapper reference = mapper(BeanReasonJson.class, sorted);
            ObjectMapper ours = mapper(JacksonConfig.ReasonJson.class, sorted);
            String expected = reference.writeValueAsString(holder);
            for (int time = 0; time < 2; time++) {
                assertThat(ours.writeValueAsString(holder)).as("sorted " + sorted + ", time " + time).isEqualTo(expected);
                assertThat(new String(ours.writeValueAsBytes(holder), StandardCharsets.UTF_8)).isEqualTo(expected);
            }
            // and it reads back as before
            assertThat(ours.readValue(ours.writeValueAsString(reasons.get(1)), Reason.class)).isEqualTo(reasons.get(1));
        }
    }

    @Test
    void aPrettyPrintingOrEscapingWriterGetsTheSameAsTheBeanSerializerToo() throws Exception {
        Reason r = new Reason("registration", false, "户籍类型：要求为城镇户籍，实际农村户籍（不符合）", "registration (not met)");
        ObjectMapper reference = mapper(BeanReasonJson.class, false);
        ObjectMapper ours = mapper(JacksonConfig.ReasonJson.class, false);
        assertThat(ours.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(r)))
                .isEqualTo(reference.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(r)));
        assertThat(ours.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(r))
                .isEqualTo(reference.writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(r));
    }
}
