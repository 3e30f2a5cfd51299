package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.bench.SampleHouseholds;
import cn.huiyisheng.rules.facts.TableCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EngineTest {

    private final Determination d = Shipped.ENGINE.evaluate(SampleHouseholds.bereavedCouple(), LocalDate.of(2014, 6, 1), Shipped.NOW);

    @Test
    void everyBenefitIsAnsweredWithAVersionOrAReason() {
        assertThat(d.benefits()).hasSize(12);
        assertThat(d.engineVersion()).isEqualTo(Engine.VERSION);
        assertThat(d.benefits()).allSatisfy(b -> assertThat(b.items().isEmpty() ? b.reasons() : b.items()).isNotEmpty());
    }

    @Test
    void theBereavedCoupleIsEntitledToSpecialSupportHardshipAndTheSterilisationSubsidy() {
        assertThat(d.benefit("SPECIAL_SUPPORT").orElseThrow().amount()).isEqualByComparingTo("680.00");
        assertThat(d.benefit("HARDSHIP_FAMILY_SUPPORT").orElseThrow().amount()).isEqualByComparingTo("6000.00");
        assertThat(d.benefit("LONG_ACTING_CONTRACEPTION_SUBSIDY").orElseThrow().amount()).isEqualByComparingTo("1000.00");
        BenefitDetermination fee = d.benefit("ONE_CHILD_HEALTH_FEE").orElseThrow();
        assertThat(fee.eligible()).isFalse();
        assertThat(fee.amount()).isEqualByComparingTo(BigDecimal.ZERO);
        ItemDetermination special = d.benefit("SPECIAL_SUPPORT").orElseThrow().items().get(0);
        assertThat(special.version().sha256()).hasSize(64);
        assertThat(special.rows()).extracting(RowRef::sheetRow).containsExactly(9);
        assertThat(special.reasons()).extracting(Reason::zh).anySatisfy(z -> assertThat(z).contains("女方周岁"));
    }

    @Test
    void aRefusalSaysWhichConditionFailedInBothLanguages() {
        ItemDetermination fee = d.benefit("ONE_CHILD_HEALTH_FEE").orElseThrow().items().get(0);
        assertThat(fee.reasons()).filteredOn(r -> !r.met()).extracting(Reason::code).contains("onlyChildStatus");
        assertThat(fee.reasons()).filteredOn(r -> r.code().equals("onlyChildStatus")).first().satisfies(r -> {
            assertThat(r.zh()).contains("独生子女状况").contains("死亡").contains("不符合");
            assertThat(r.en()).contains("only child's status").contains("died").contains("not met");
        });
    }

    @Test
    void theSameQuestionGetsTheSameAnswer() {
        Determination again = Shipped.ENGINE.evaluate(SampleHouseholds.bereavedCouple(), LocalDate.of(2014, 6, 1), Shipped.NOW);
        assertThat(again).isEqualTo(d);
    }

    @Test
    void asKnownBeforeAVersionWasPublishedTheEngineUsesWhatWasKnown() {
        Determination asKnownEarly2013 = Shipped.ENGINE.evaluate(SampleHouseholds.bereavedCouple(), LocalDate.of(2014, 6, 1),
                Instant.parse("2013-06-01T00:00:00Z"), java.util.EnumSet.of(TableCode.SPECIAL_SUPPORT));
        assertThat(asKnownEarly2013.benefit("SPECIAL_SUPPORT").orElseThrow().items().get(0).amount()).isEqualByComparingTo("135.00");
    }

    @Test
    void twoVersionsWithTheSameBytesEachNameThemselvesInTheirDeterminations() {
        // the 2014 rows published again as a version of their own from 2030: the same bytes, another version
        cn.huiyisheng.rules.catalog.PolicyTable v3 = Shipped.VERSIONS.stream()
                .filter(v -> v.code() == cn.huiyisheng.rules.facts.TableCode.SPECIAL_SUPPORT && v.version() == 3).findFirst().orElseThrow();
        cn.huiyisheng.rules.catalog.PolicyTable again = new cn.huiyisheng.rules.catalog.PolicyTable(v3.code(), 9, LocalDate.of(2030, 1, 1),
                v3.publishedAt(), null, v3.basis(), "the same rows from 2030", v3.figures(), v3.sources(), v3.knownGaps(), v3.bytes(), null);
        java.util.List<cn.huiyisheng.rules.catalog.PolicyTable> all = new java.util.ArrayList<>(Shipped.VERSIONS);
        all.add(again);
        Engine engine = new Engine(new cn.huiyisheng.rules.catalog.Catalog(all), Shipped.ENGINE.compiler());
        java.util.Set<cn.huiyisheng.rules.facts.TableCode> special = java.util.EnumSet.of(cn.huiyisheng.rules.facts.TableCode.SPECIAL_SUPPORT);
        assertThat(engine.evaluate(SampleHouseholds.bereavedCouple(), LocalDate.of(2014, 6, 1), Shipped.NOW, special)
                .benefit("SPECIAL_SUPPORT").orElseThrow().items().get(0).version().id()).isEqualTo("SPECIAL_SUPPORT-v3");
        assertThat(engine.evaluate(SampleHouseholds.bereavedCouple(), LocalDate.of(2030, 6, 1), Shipped.NOW, special)
                .benefit("SPECIAL_SUPPORT").orElseThrow().items().get(0).version().id()).isEqualTo("SPECIAL_SUPPORT-v9");
    }
}
