package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.rules.household.Household;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The household facts a claim's entitlements are determined on after its approval: those its
 * determination sealed, as its latest life event left them ({@code life_event.facts_json}).
 */
@Component
public class Households {

    private final PaymentMapper mapper;
    private final ObjectMapper json;

    public Households(PaymentMapper mapper, ObjectMapper json) {
        this.mapper = mapper;
        this.json = json;
    }

    public Household current(long claimId) {
        // one statement: the latest life event's facts, or else those of the claim's latest determination
        String facts = mapper.currentFactsOf(List.of(claimId)).stream().map(PaymentMapper.ClaimFacts::facts).filter(f -> f != null)
                .findFirst().orElse(null);
        if (facts == null) {
            throw new IllegalStateException("claim " + claimId + " has no determination");
        }
        return read(facts);
    }

    public Household read(String text) {
        try {
            return json.readValue(text, Household.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored household unreadable: " + ex.getOriginalMessage(), ex);
        }
    }

    String write(Household household) {
        try {
            return json.writeValueAsString(household);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
