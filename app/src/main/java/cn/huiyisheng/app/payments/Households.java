package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.determinations.DeterminationRow;
import cn.huiyisheng.app.determinations.SealedDeterminations;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import cn.huiyisheng.rules.household.Household;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/**
 * The household facts a claim's entitlements are determined on after its approval: those its
 * determination sealed, as its latest life event left them ({@code life_event.facts_json}).
 */
@Component
public class Households {

    private final PaymentMapper mapper;
    private final SealedDeterminations determinations;
    private final ObjectMapper json;

    public Households(PaymentMapper mapper, SealedDeterminations determinations, ObjectMapper json) {
        this.mapper = mapper;
        this.determinations = determinations;
        this.json = json;
    }

    public Household current(long claimId) {
        String facts = mapper.latestEventFacts(claimId);
        if (facts == null) {
            DeterminationRow approved = determinations.latest(claimId).orElseThrow(() -> new IllegalStateException(
                    "claim " + claimId + " has no determination"));
            facts = approved.getFactsJson();
        }
        return read(facts);
    }

    Household read(String text) {
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
