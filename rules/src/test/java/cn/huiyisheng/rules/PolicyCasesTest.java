package cn.huiyisheng.rules;

import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.ItemDetermination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.PeriodEvaluator;
import cn.huiyisheng.rules.engine.Reason;
import cn.huiyisheng.rules.engine.Segment;
import cn.huiyisheng.rules.facts.Payer;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.HouseholdValidator;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every {@code policy-tables/<table>/cases.yaml}: each case names a household, a date (or a
 * span of months) and the outcome expected per subject.
 */
class PolicyCasesTest {

    record CaseFile(String table, Map<String, Household> households, List<Case> cases) {
    }

    record Case(String name, String household, LocalDate asOf, Span period, BigDecimal total,
                List<String> benefitFailed, List<Expect> expect) {
    }

    record Span(YearMonth from, YearMonth to) {
    }

    record Expect(String subject, Boolean eligible, BigDecimal amount, Integer version, String row, Payer payer,
                  List<String> failed, List<SegmentSpec> segments) {
    }

    record SegmentSpec(YearMonth from, YearMonth to, Boolean eligible, BigDecimal amount, Integer version) {
    }

    @TestFactory
    Stream<DynamicNode> policyCases() throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Shipped.ROOT)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path file = folder.resolve(PolicyTableDirectory.CASES);
                if (!Files.exists(file)) {
                    continue;
                }
                CaseFile cases = PolicyTableDirectory.yaml().readValue(file.toFile(), CaseFile.class);
                TableCode code = TableCode.parse(cases.table()).orElseThrow();
                files.add(DynamicContainer.dynamicContainer(code.name(), cases.cases().stream()
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> run(code, cases, c)))));
            }
        }
        assertThat(files).as("case files").isNotEmpty();
        return files.stream();
    }

    private static void run(TableCode code, CaseFile file, Case c) {
        Household household = file.households().get(c.household());
        assertThat(household).as("household %s", c.household()).isNotNull();
        assertThat(new HouseholdValidator(codes()).validate(household)).as("problems in household %s", c.household()).isEmpty();
        if (c.period() != null) {
            PeriodDetermination pd = new PeriodEvaluator(Shipped.ENGINE)
                    .evaluate(household, c.period().from(), c.period().to(), Shipped.NOW, EnumSet.of(code));
            PeriodDetermination.BenefitPeriod bp = pd.benefit(code.name()).orElseThrow();
            for (Expect e : c.expect()) {
                PeriodDetermination.SubjectPeriod sp = bp.subjects().stream().filter(s -> s.subject().equals(e.subject()))
                        .findFirst().orElseThrow(() -> new AssertionError("no subject " + e.subject()));
                assertThat(sp.segments()).as("segments of %s", e.subject()).hasSize(e.segments().size());
                for (int i = 0; i < e.segments().size(); i++) {
                    SegmentSpec want = e.segments().get(i);
                    Segment got = sp.segments().get(i);
                    String what = "segment " + (i + 1) + " " + got;
                    assertThat(got.from()).as(what).isEqualTo(want.from());
                    assertThat(got.to()).as(what).isEqualTo(want.to());
                    assertThat(got.eligible()).as(what).isEqualTo(want.eligible() == null || want.eligible());
                    if (want.amount() != null) {
                        assertThat(got.amount()).as(what).isEqualByComparingTo(want.amount());
                    }
                    if (want.version() != null) {
                        assertThat(got.version().version()).as(what).isEqualTo(want.version());
                    }
                }
            }
            return;
        }
        Determination d = Shipped.ENGINE.evaluate(household, c.asOf(), Shipped.NOW, EnumSet.of(code));
        BenefitDetermination b = d.benefit(code.name()).orElseThrow();
        if (c.total() != null) {
            assertThat(b.amount()).as("total").isEqualByComparingTo(c.total());
        }
        if (c.benefitFailed() != null) {
            assertThat(b.eligible()).isFalse();
            assertThat(b.reasons().stream().map(Reason::code)).containsAll(c.benefitFailed());
        }
        for (Expect e : c.expect()) {
            ItemDetermination item = b.items().stream().filter(i -> i.subject().equals(e.subject())).findFirst()
                    .orElseThrow(() -> new AssertionError("no subject " + e.subject() + " in " + b.items()));
            String what = e.subject() + " " + item;
            if (e.eligible() != null) {
                assertThat(item.eligible()).as(what).isEqualTo(e.eligible());
            }
            if (e.amount() != null) {
                assertThat(item.amount()).as(what).isEqualByComparingTo(e.amount());
                assertThat(item.amount().scale()).as("amounts have 2 decimals").isEqualTo(2);
            }
            if (e.version() != null) {
                assertThat(item.version().version()).as(what).isEqualTo(e.version());
            }
            if (e.row() != null) {
                assertThat(item.rows()).as(what).extracting(r -> r.rowId()).containsExactly(e.row());
            }
            if (e.payer() != null) {
                assertThat(item.payer()).as(what).isEqualTo(e.payer());
            }
            if (e.failed() != null) {
                assertThat(item.reasons().stream().filter(r -> !r.met()).map(Reason::code).toList())
                        .as(what).containsAll(e.failed());
            }
            if (item.eligible()) {
                assertThat(item.reasons()).as("an eligible outcome names its conditions").isNotEmpty();
                assertThat(item.warnings()).as(what).isEmpty();
            }
        }
    }

    static java.util.Set<String> codes() {
        return Stream.of(TableCode.values()).map(Enum::name).collect(Collectors.toSet());
    }
}
