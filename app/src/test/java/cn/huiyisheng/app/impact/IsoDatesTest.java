package cn.huiyisheng.app.impact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoDatesTest {

    private final ObjectMapper jackson = new ObjectMapper().registerModule(new JavaTimeModule());
    private final ObjectMapper ours = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addDeserializer(LocalDate.class, new IsoDates()));

    @Test
    void everyDayReadsAsJacksonReadsIt() throws Exception {
        for (LocalDate d = LocalDate.of(1899, 12, 1); d.isBefore(LocalDate.of(2101, 3, 1)); d = d.plusDays(1)) {
            String json = "\"" + d + "\"";
            assertThat(ours.readValue(json, LocalDate.class)).isEqualTo(jackson.readValue(json, LocalDate.class)).isEqualTo(d);
        }
        // other shapes Jackson accepts still go to Jackson
        assertThat(ours.readValue("[2014,7,1]", LocalDate.class)).isEqualTo(LocalDate.of(2014, 7, 1));
    }

    @Test
    void anImpossibleDateIsRefusedAsJacksonRefusesIt() {
        assertThatThrownBy(() -> ours.readValue("\"2014-02-30\"", LocalDate.class)).isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
        assertThatThrownBy(() -> jackson.readValue("\"2014-02-30\"", LocalDate.class)).isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
        assertThatThrownBy(() -> ours.readValue("\"2014-0a-01\"", LocalDate.class)).isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }
}
