package cn.huiyisheng.rules.verify;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.table.TableRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two versions of a table compared as a reviewer reads them: by row id, cell by cell, in the column's words. */
class TableDiffTest {

    static List<TableRow> rowsOf(int version) {
        PolicyTable t = Shipped.VERSIONS.stream().filter(v -> v.code() == TableCode.SPECIAL_SUPPORT && v.version() == version)
                .findFirst().orElseThrow();
        return Shipped.ENGINE.compiled(t).rows();
    }

    static TableRow with(TableRow row, int column, Object value) {
        List<Object> values = new ArrayList<>(row.values());
        values.set(column, value);
        return new TableRow(row.sheetRow(), row.rowId(), values);
    }

    @Test
    void aRaisedAmountIsOneChangedCellAndAMovedRowIsNoChange() {
        List<TableRow> before = rowsOf(3);
        var template = Shipped.ENGINE.compiled(Shipped.VERSIONS.stream()
                .filter(v -> v.code() == TableCode.SPECIAL_SUPPORT && v.version() == 3).findFirst().orElseThrow()).template();
        int amount = template.columnIndex(cn.huiyisheng.rules.table.CellType.AMOUNT);
        List<TableRow> after = new ArrayList<>(before);
        after.set(0, with(before.get(0), amount, new BigDecimal("380")));
        Collections.swap(after, 2, 3); // the rural rows in the other order: not a change
        TableDiff diff = TableDiff.of(template, before, after);
        assertThat(diff.added()).isEmpty();
        assertThat(diff.removed()).isEmpty();
        assertThat(diff.unchanged()).isEqualTo(3);
        assertThat(diff.changed()).singleElement().satisfies(r -> {
            assertThat(r.rowId()).isEqualTo("SS-2014-URBAN-DIED");
            assertThat(r.cells()).singleElement().satisfies(c -> {
                assertThat(c.before()).isEqualTo("340.00");
                assertThat(c.after()).isEqualTo("380.00");
            });
            assertThat(r.zh()).isEqualTo("SS-2014-URBAN-DIED: 每月金额（元） 340.00 → 380.00");
            assertThat(r.en()).startsWith("SS-2014-URBAN-DIED: amount per month").endsWith("340.00 → 380.00");
        });
    }

    @Test
    void rowsWithNewIdsAreAddedAndRowsWhoseIdsAreGoneAreRemoved() {
        // version 2 to version 3: every row id changed (SS-2012-… to SS-2014-…)
        List<TableRow> v2 = rowsOf(2);
        List<TableRow> v3 = rowsOf(3);
        var template = Shipped.ENGINE.compiled(Shipped.VERSIONS.stream()
                .filter(v -> v.code() == TableCode.SPECIAL_SUPPORT && v.version() == 3).findFirst().orElseThrow()).template();
        TableDiff diff = TableDiff.of(template, v2, v3);
        assertThat(diff.added()).extracting(TableDiff.Row::rowId).containsExactlyElementsOf(v3.stream().map(TableRow::rowId)
                .filter(id -> v2.stream().noneMatch(o -> o.rowId().equals(id))).toList());
        assertThat(diff.added()).isNotEmpty();
        assertThat(diff.added().get(0).zh()).contains("新增");
        assertThat(diff.removed()).isNotEmpty().allSatisfy(r -> assertThat(r.sheetRowAfter()).isNull());
        assertThat(TableDiff.of(template, v3, v3).isEmpty()).isTrue();
    }

    @Test
    void theDrlDiffMarksOnlyTheChangedLines() {
        List<LineDiff.Line> lines = LineDiff.of("a\nb\nc\nd", "a\nb\nC\nd\ne");
        assertThat(lines).extracting(LineDiff.Line::toString).containsExactly(" a", " b", "-c", "+C", " d", "+e");
        assertThat(LineDiff.changes(LineDiff.of("1\n2\n3\n4\n5\n6\n7", "1\n2\n3\nX\n5\n6\n7"), 1))
                .extracting(LineDiff.Line::toString).containsExactly(" 3", "-4", "+X", " 5");
    }
}
