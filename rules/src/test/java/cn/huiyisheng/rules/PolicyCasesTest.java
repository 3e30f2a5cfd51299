package cn.huiyisheng.rules;

import cn.huiyisheng.rules.cases.PolicyCases;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.facts.TableCode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs every {@code policy-tables/<table>/cases.yaml} ({@link PolicyCases}): each case names a
 * household, a date (or a span of months) and the outcome expected per subject.
 */
class PolicyCasesTest {

    @TestFactory
    Stream<DynamicNode> policyCases() throws IOException {
        List<DynamicNode> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Shipped.ROOT)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path file = folder.resolve(PolicyTableDirectory.CASES);
                if (!Files.exists(file)) {
                    continue;
                }
                byte[] yaml = Files.readAllBytes(file);
                String table = PolicyTableDirectory.yaml().readTree(yaml).path("table").asText();
                TableCode code = TableCode.parse(table).orElseThrow();
                PolicyCases.CaseFile cases = PolicyCases.parse(yaml, code);
                List<PolicyCases.Outcome> outcomes = PolicyCases.run(Shipped.ENGINE, Shipped.NOW, code, cases);
                files.add(DynamicContainer.dynamicContainer(code.name(), outcomes.stream()
                        .map(o -> DynamicTest.dynamicTest(o.name(), () -> assertThat(o.mismatches()).as(o.name()).isEmpty()))));
            }
        }
        assertThat(files).as("case files").isNotEmpty();
        return files.stream();
    }

    @Test
    void aWrongExpectationIsReportedAsExpectedAndActual() {
        String yaml = """
                table: SPECIAL_SUPPORT
                households:
                  bereaved:
                    applicant: {idNumber: "440304195803200249", name: 李梅, sex: FEMALE, birthDate: 1958-03-20,
                                registration: {type: URBAN_HUKOU}}
                    children:
                      - {name: 王小明, sex: MALE, birthDate: 1985-04-01, birthOrder: 1, alive: false, deathDate: 2005-07-15}
                cases:
                  - name: 2014 pays 340, not 999
                    household: bereaved
                    asOf: 2014-06-01
                    expect:
                      - {subject: applicant, eligible: true, amount: 999.00}
                """;
        PolicyCases.CaseFile file = PolicyCases.parse(yaml.getBytes(StandardCharsets.UTF_8), TableCode.SPECIAL_SUPPORT);
        PolicyCases.Outcome o = PolicyCases.run(Shipped.ENGINE, Shipped.NOW, TableCode.SPECIAL_SUPPORT, file).get(0);
        assertThat(o.passed()).isFalse();
        assertThat(o.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.what()).isEqualTo("applicant amount");
            assertThat(m.expected()).isEqualTo("999.00");
            assertThat(m.actual()).isEqualTo("340.00");
        });
        assertThat(PolicyCases.missingAround(LocalDate.of(2014, 6, 2), file)).containsExactly(LocalDate.of(2014, 6, 2));
    }

    @Test
    void aCasesFileWithAnUnknownFieldOrAnotherTableIsRefusedWithWhere() {
        assertThatThrownBy(() -> PolicyCases.parse("table: SPECIAL_SUPPORT\ncasez: []\n".getBytes(StandardCharsets.UTF_8),
                TableCode.SPECIAL_SUPPORT)).isInstanceOf(PolicyCases.Refused.class)
                .satisfies(e -> assertThat(((PolicyCases.Refused) e).where()).isEqualTo("cases.casez"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("cn.huiyisheng").contains("line"));
        assertThatThrownBy(() -> PolicyCases.parse("table: REWARD_SUPPORT\ncases: []\n".getBytes(StandardCharsets.UTF_8),
                TableCode.SPECIAL_SUPPORT)).isInstanceOf(PolicyCases.Refused.class).hasMessageContaining("REWARD_SUPPORT");
    }
}
