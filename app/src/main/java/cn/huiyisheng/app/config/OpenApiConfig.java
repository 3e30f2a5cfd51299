package cn.huiyisheng.app.config;

import cn.huiyisheng.rules.engine.Reason;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description of the REST API (/v3/api-docs, /swagger-ui.html). */
@Configuration
public class OpenApiConfig {

    /** How a {@link Reason} is written in JSON (its words are methods, not bean properties). */
    public record ReasonDoc(String code, boolean met, String zh, String en) {
    }

    static {
        SpringDocUtils.getConfig().replaceWithClass(Reason.class, ReasonDoc.class);
    }

    @Bean
    OpenAPI huiyishengApi() {
        return new OpenAPI().info(new Info()
                .title("惠一生 Huiyisheng API")
                .version("0.1.0")
                .description("Benefits and incentive eligibility under versioned decision tables. / 计划生育利益导向待遇资格评估。"));
    }
}
