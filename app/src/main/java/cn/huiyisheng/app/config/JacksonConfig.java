package cn.huiyisheng.app.config;

import cn.huiyisheng.rules.engine.Reason;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** JSON for the rules' types without putting Jackson annotations into the rules module. */
@Configuration
public class JacksonConfig {

    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = ReasonSerializer.class)
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE)
    abstract static class ReasonJson {
        /** A sealed reason reads back with its words (the result's types are read back for granting and replay). */
        @com.fasterxml.jackson.annotation.JsonCreator
        ReasonJson(@JsonProperty("code") String code, @JsonProperty("met") boolean met, @JsonProperty("zh") String zh,
                   @JsonProperty("en") String en) {
        }

        @JsonProperty("code") abstract String code();
        @JsonProperty("met") abstract boolean met();
        @JsonProperty("zh") abstract String zh();
        @JsonProperty("en") abstract String en();
    }

    /** Registered on every mapper Spring Boot builds (and kept by their copies, the canonical one included). */
    @Bean
    com.fasterxml.jackson.databind.Module blackbird() {
        return new com.fasterxml.jackson.module.blackbird.BlackbirdModule();
    }

    @Bean
    Jackson2ObjectMapperBuilderCustomizer rulesTypes() {
        return builder -> builder.mixIn(Reason.class, ReasonJson.class);
    }
}
