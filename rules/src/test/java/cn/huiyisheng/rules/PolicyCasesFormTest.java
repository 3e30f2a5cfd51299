package cn.huiyisheng.rules;

import cn.huiyisheng.rules.cases.PolicyCases;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.facts.TableCode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One case added through the console's small form: with a shipped household copied in, run as any case is; refused with its field. */
class PolicyCasesFormTest {

    static byte[] shipped() throws Exception {
        return Files.readAllBytes(PolicyTableDirectory.locate().resolve("special-support/cases.yaml"));
    }

    @Test
    void aCaseOnAShippedHouseholdStartsTheDraftsFileAndRuns() throws Exception {
        byte[] first = PolicyCases.withCase(null, shipped(), TableCode.SPECIAL_SUPPORT,
                new PolicyCases.NewCase(null, "bereaved-urban", LocalDate.of(2014, 6, 1), "applicant", true, new BigDecimal("340.00")));
        byte[] both = PolicyCases.withCase(first, shipped(), TableCode.SPECIAL_SUPPORT,
                new PolicyCases.NewCase("wrong on purpose", "bereaved-urban", LocalDate.of(2014, 6, 1), "spouse", true, new BigDecimal("999.00")));
        PolicyCases.CaseFile file = PolicyCases.parse(both, TableCode.SPECIAL_SUPPORT);
        assertThat(file.households()).containsOnlyKeys("bereaved-urban");
        assertThat(file.cases()).extracting(PolicyCases.Case::name).containsExactly("2014-06-01 applicant", "wrong on purpose");
        List<PolicyCases.Outcome> outcomes = PolicyCases.run(Shipped.ENGINE, Shipped.NOW, TableCode.SPECIAL_SUPPORT, file);
        assertThat(outcomes).extracting(PolicyCases.Outcome::passed).containsExactly(true, false);
        assertThat(outcomes.get(1).mismatches()).anySatisfy(m -> assertThat(m.expected()).contains("999"));
        assertThat(PolicyCases.households(both, shipped())).startsWith("bereaved-urban").contains("adopted-after-loss");
    }

    @Test
    void aCaseTheFormatRefusesIsRefusedWithItsField() throws Exception {
        assertThatThrownBy(() -> PolicyCases.withCase(null, shipped(), TableCode.SPECIAL_SUPPORT,
                new PolicyCases.NewCase(null, "nobody", LocalDate.of(2014, 6, 1), "applicant", true, null)))
                .isInstanceOfSatisfying(PolicyCases.Refused.class, e -> assertThat(e.where()).isEqualTo("case.household"));
        assertThatThrownBy(() -> PolicyCases.withCase(null, shipped(), TableCode.SPECIAL_SUPPORT,
                new PolicyCases.NewCase(null, "bereaved-urban", LocalDate.of(2014, 6, 1), "applicant", true, new BigDecimal("1.005"))))
                .isInstanceOfSatisfying(PolicyCases.Refused.class, e -> assertThat(e.where()).isEqualTo("case.amount"));
        assertThatThrownBy(() -> PolicyCases.withCase("table: SPECIAL_SUPPORT\nhouseholds: {}\ncases: []\n".getBytes(StandardCharsets.UTF_8),
                null, TableCode.SPECIAL_SUPPORT, new PolicyCases.NewCase(null, "bereaved-urban", LocalDate.of(2014, 6, 1), "applicant", true, null)))
                .isInstanceOfSatisfying(PolicyCases.Refused.class, e -> assertThat(e.where()).isEqualTo("case.household"));
    }
}
