package cn.huiyisheng.rules.verify;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.catalog.KnownGap;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.table.ParsedTable;
import cn.huiyisheng.rules.table.TableReader;
import cn.huiyisheng.rules.table.TableTemplate;
import cn.huiyisheng.rules.table.TableTemplates;
import cn.huiyisheng.rules.table.TableWorkbookWriter;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TableVerifierTest {

    private static final TableTemplate SPECIAL = TableTemplates.of(TableCode.SPECIAL_SUPPORT);

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static VerificationReport verify(List<List<Object>> rows, List<KnownGap> known) {
        ParsedTable parsed = TableReader.read(SPECIAL, TableWorkbookWriter.write(SPECIAL, rows));
        return TableVerifier.verify(SPECIAL, parsed.rows(), known);
    }

    @Test
    void findsAGapBetweenTwoAgeRangesAndAnOverlap() {
        VerificationReport report = verify(List.of(
                row(49, "ONE_CHILD", "DIED", null, "否", "URBAN_HUKOU", "A", new BigDecimal("340"), "NATIONAL_SCHEME"),
                row(49, "ONE_CHILD", "DIED", null, "否", "URBAN_HUKOU, RURAL_HUKOU", "B", new BigDecimal("170"), "NATIONAL_SCHEME"),
                row(49, "ONE_CHILD", "DISABLED", 3, "否", "RURAL_HUKOU", "C", new BigDecimal("150"), "NATIONAL_SCHEME")), List.of());
        assertThat(report.overlaps()).singleElement().satisfies(o -> {
            assertThat(o.rowA()).isEqualTo("A");
            assertThat(o.rowB()).isEqualTo("B");
            assertThat(o.sheetRowA()).isEqualTo(9);
            assertThat(o.where()).contains("registration=URBAN_HUKOU");
        });
        assertThat(report.gaps()).containsExactlyInAnyOrder(
                "onlyChildStatus=DISABLED; registration=URBAN_HUKOU",
                "onlyChildStatus=DISABLED; disabilityGrade>=4; registration=RURAL_HUKOU");
        assertThat(report.clean()).isFalse();
    }

    @Test
    void aRowWhoseBoundsContradictCanNeverFire() {
        TableTemplate rpa = TableTemplates.of(TableCode.RETIRED_PARENT_ALLOWANCE);
        ParsedTable parsed = TableReader.read(rpa, TableWorkbookWriter.write(rpa, List.of(
                row("URBAN_HUKOU", "ONE_CHILD", "2016-01-01", "2015-12-31", "FEMALE", 55, "R1", new BigDecimal("160"), "CITY_FUND"),
                row("URBAN_HUKOU", "ONE_CHILD", "1980-02-02", "2015-12-31", "FEMALE", 55, "R2", new BigDecimal("160"), "CITY_FUND"))));
        VerificationReport report = TableVerifier.verify(rpa, parsed.rows(), List.of());
        assertThat(report.neverFires()).singleElement().asString().startsWith("R1 (row 9)").contains("childBirthDate");
        assertThat(report.overlaps()).isEmpty();
    }

    @Test
    void aGapExplainedInTheMetadataIsNotAProblemButAStaleExplanationIs() {
        List<List<Object>> rows = List.of(
                row(49, "ONE_CHILD", "DIED", null, "否", null, "D", new BigDecimal("100"), "NATIONAL_SCHEME"),
                row(49, "ONE_CHILD", "DISABLED", 3, "否", null, "E", new BigDecimal("80"), "NATIONAL_SCHEME"));
        VerificationReport report = verify(rows, List.of(
                new KnownGap("onlyChildStatus=DISABLED; disabilityGrade>=4", "grade 4 is not covered"),
                new KnownGap("motherAge<=48", "stale")));
        assertThat(report.gaps()).isEmpty();
        assertThat(report.explainedGaps()).containsExactly("onlyChildStatus=DISABLED; disabilityGrade>=4");
        assertThat(report.unusedExplanations()).containsExactly("motherAge<=48");
    }

    @Test
    void everyShippedVersionIsCleanApartFromItsExplainedGaps() {
        TableCompiler compiler = new TableCompiler();
        Shipped.VERSIONS.forEach(v -> {
            var compiled = compiler.compile(TableTemplates.of(v.code()), v.bytes());
            VerificationReport report = TableVerifier.verify(compiled.template(), compiled.rows(), v.knownGaps());
            assertThat(report.clean()).as(v.id() + " " + report).isTrue();
        });
    }

    @Test
    void theWageTableHasNoMissingYear() {
        TableTemplate wage = TableTemplates.of(TableCode.CITY_AVERAGE_WAGE);
        ParsedTable parsed = TableReader.read(wage, TableWorkbookWriter.write(wage, List.of(
                row(2001, "W1", new BigDecimal("1")), row(2003, "W3", new BigDecimal("3")))));
        assertThat(TableVerifier.verify(wage, parsed.rows(), List.of()).gaps()).containsExactly("referenceYear=2002");
    }
}
