package cn.huiyisheng.rules.table;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.compile.CompiledTable;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.TableCode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Uploading a spreadsheet: everything that is not the template's code and typed values is refused,
 * with the cell named, before Drools sees it.
 */
class TableReaderTest {

    private static final TableTemplate SPECIAL = TableTemplates.of(TableCode.SPECIAL_SUPPORT);
    private final TableCompiler compiler = new TableCompiler();

    private static byte[] shipped2014() {
        return Shipped.VERSIONS.stream()
                .filter(v -> v.code() == TableCode.SPECIAL_SUPPORT && v.version() == 3)
                .map(PolicyTable::bytes).findFirst().orElseThrow();
    }

    /** The shipped 2014 special-support table with one edit made through POI, as Excel would save it. */
    private static byte[] edited(Consumer<Sheet> edit) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(shipped2014()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            edit.accept(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Cell cell(Sheet sheet, String ref) {
        org.apache.poi.ss.util.CellReference r = new org.apache.poi.ss.util.CellReference(ref);
        Row row = sheet.getRow(r.getRow()) == null ? sheet.createRow(r.getRow()) : sheet.getRow(r.getRow());
        Cell c = row.getCell(r.getCol());
        return c == null ? row.createCell(r.getCol()) : c;
    }

    private TableRejectedException refused(byte[] bytes) {
        return catchThrowableOfType(TableRejectedException.class, () -> compiler.compile(SPECIAL, bytes));
    }

    @Test
    void theShippedTableCompilesAndItsDrlReadsAsRules() {
        CompiledTable compiled = compiler.compile(SPECIAL, shipped2014());
        assertThat(compiled.rows()).extracting(TableRow::rowId).containsExactly(
                "SS-2014-URBAN-DIED", "SS-2014-URBAN-DISABLED", "SS-2014-RURAL-DIED", "SS-2014-RURAL-DISABLED");
        assertThat(compiled.drl()).contains("rule \"SPECIAL_SUPPORT_9\"")
                .contains("motherAge >= 49")
                .contains("registration in (RegistrationType.URBAN_HUKOU)")
                .contains("$s.setAmount(new BigDecimal(\"340.00\"));");
    }

    @Test
    void javaCodeInAnAmountCellIsRefusedWithTheCellNamed() {
        TableRejectedException e = refused(edited(s -> cell(s, "H9").setCellValue("1\"); System.exit(1); //")));
        assertThat(e).isNotNull();
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.sheet()).isEqualTo("SPECIAL_SUPPORT");
            assertThat(p.cell()).isEqualTo("H9");
            assertThat(p.expected()).contains("amount in yuan");
            assertThat(p.found()).contains("System.exit");
        });
        assertThat(e.getMessage()).contains("sheet `SPECIAL_SUPPORT`, cell H9: expected an amount in yuan");
    }

    @Test
    void aRefusalCarriesTheSheetAsReadWithTheRefusedCellsForTheConsoleToDraw() {
        TableRejectedException e = refused(edited(s -> {
            cell(s, "H9").setCellValue("三百八");
            cell(s, "F10").setCellValue("城里");
        }));
        SheetGrid grid = e.grid();
        assertThat(grid).isNotNull();
        assertThat(grid.sheet()).isEqualTo("SPECIAL_SUPPORT");
        assertThat(grid.refused()).containsExactlyInAnyOrder("H9", "F10");
        assertThat(grid.rows().get(8).get(7)).isEqualTo("三百八");
        assertThat(grid.rows().get(9).get(5)).isEqualTo("城里");
        assertThat(grid.rows().get(0).get(0)).isEqualTo("RuleSet");
        assertThat(grid.rows()).allSatisfy(r -> assertThat(r).hasSize(grid.columns()));
    }

    @Test
    void mvelInAnEnumeratedConditionCellIsRefused() {
        TableRejectedException e = refused(edited(s -> cell(s, "F10").setCellValue("URBAN_HUKOU) || (true")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("F10");
            assertThat(p.expected()).contains("URBAN_HUKOU (城镇户籍)");
        });
    }

    @Test
    void aRowIdCannotCloseTheStringItIsWrittenInto() {
        TableRejectedException e = refused(edited(s -> cell(s, "G11").setCellValue("X\", null); System.exit(1); $s.matched(\"Y")));
        assertThat(e.problems()).extracting(TableProblem::cell).containsExactly("G11");
    }

    @Test
    void anAlteredCodeRowIsRefusedEvenIfItWouldCompile() {
        TableRejectedException e = refused(edited(s -> cell(s, "H7")
                .setCellValue("$s.setAmount(new BigDecimal(\"$param\").multiply(BigDecimal.TEN));")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("H7");
            assertThat(p.expected()).contains("code rows are fixed");
        });
    }

    @Test
    void anAlteredPatternRowIsRefused() {
        TableRejectedException e = refused(edited(s -> cell(s, "A6")
                .setCellValue("$s : Subject(eval(System.exit(1) == null)) from entry-point \"SPECIAL_SUPPORT\"")));
        assertThat(e.problems()).extracting(TableProblem::cell).containsExactly("A6");
    }

    @Test
    void extraKeywordsAndCellsOutsideTheTableAreRefused() {
        TableRejectedException e = refused(edited(s -> {
            cell(s, "A3").setCellValue("Functions");
            cell(s, "B3").setCellValue("function void boom() { System.exit(1); }");
            cell(s, "J9").setCellValue("note");
        }));
        assertThat(e.problems()).extracting(TableProblem::cell).containsExactlyInAnyOrder("A3", "B3", "J9");
    }

    @Test
    void aSecondTableBelowABlankRowIsRefused() {
        TableRejectedException e = refused(edited(s -> cell(s, "A15").setCellValue("RuleTable Evil")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("A15");
            assertThat(p.expected()).contains("nothing below the first blank row");
        });
    }

    @Test
    void formulasAreRefused() {
        TableRejectedException e = refused(edited(s -> cell(s, "H9").setCellFormula("100*3.4")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("H9");
            assertThat(p.expected()).contains("not a formula");
        });
    }

    @Test
    void everyBadCellIsReportedAtOnce() {
        TableRejectedException e = refused(edited(s -> {
            cell(s, "A9").setCellValue("forty-nine");
            cell(s, "E10").setCellValue("maybe");
            cell(s, "I11").setCellValue("ALIENS");
            cell(s, "G12").setCellValue("SS-2014-URBAN-DIED");
        }));
        assertThat(e.problems()).extracting(TableProblem::cell).containsExactly("A9", "E10", "I11", "G12");
        assertThat(e.problems().get(3).expected()).contains("used once");
    }

    @Test
    void aRowWithoutConditionsWouldMatchEveryoneAndIsRefused() {
        TableRejectedException e = refused(edited(s -> {
            Row row = s.getRow(8);
            for (int c = 0; c < 6; c++) {
                if (row.getCell(c) != null) {
                    row.removeCell(row.getCell(c));
                }
            }
        }));
        assertThat(e.problems()).extracting(TableProblem::cell).containsExactly("A9");
    }

    @Test
    void bytesThatAreNoSpreadsheetAreRefusedNotThrown() {
        assertThatThrownBy(() -> compiler.compile(SPECIAL, "RuleSet,x\nnot a workbook".getBytes()))
                .isInstanceOf(TableRejectedException.class)
                .hasMessageContaining("expected an .xlsx spreadsheet");
    }

    @Test
    void aSecondSheetIsRefused() {
        byte[] bytes;
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(shipped2014()));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Notes").createRow(0).createCell(0).setCellValue("RuleTable Evil");
            wb.write(out);
            bytes = out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(refused(bytes).getMessage()).contains("exactly one sheet named SPECIAL_SUPPORT");
    }

    @Test
    void chineseLabelsAndYesNoAreAcceptedAndWrittenCanonically() {
        CompiledTable compiled = compiler.compile(SPECIAL, edited(s -> {
            cell(s, "F9").setCellValue("城镇户籍");
            cell(s, "E9").setCellValue("no");
            cell(s, "H9").setCellValue(340);
        }));
        assertThat(compiled.drl()).contains("registration in (RegistrationType.URBAN_HUKOU)")
                .contains("newChildSinceLoss == false").contains("new BigDecimal(\"340.00\")");
    }

    @Test
    void anotherTablesSpreadsheetIsRefusedAgainstThisTemplate() {
        byte[] reward = Shipped.VERSIONS.stream().filter(v -> v.code() == TableCode.REWARD_SUPPORT)
                .findFirst().orElseThrow().bytes();
        assertThat(refused(reward).problems()).isNotEmpty();
    }
}
