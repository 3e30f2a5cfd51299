package cn.huiyisheng.rules.verify;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.table.CellType;
import cn.huiyisheng.rules.table.TableRow;
import cn.huiyisheng.rules.table.TableTemplate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two versions compared by what they answer: the regions of facts whose outcome changes, in the columns' words. */
class TableEffectTest {

    static TableTemplate template() {
        return Shipped.ENGINE.compiled(Shipped.VERSIONS.stream()
                .filter(v -> v.code() == TableCode.SPECIAL_SUPPORT && v.version() == 3).findFirst().orElseThrow()).template();
    }

    @Test
    void aRaisedAmountChangesExactlyTheRegionOfItsRowAndTheRestIsUnchanged() {
        List<TableRow> before = TableDiffTest.rowsOf(3);
        int amount = template().columnIndex(CellType.AMOUNT);
        TableRow raised = before.stream().filter(r -> r.rowId().equals("SS-2014-URBAN-DIED")).findFirst().orElseThrow();
        List<TableRow> after = new ArrayList<>(before);
        after.set(before.indexOf(raised), TableDiffTest.with(raised, amount, new BigDecimal("380")));

        TableEffect effect = TableEffect.of(template(), before, after);

        assertThat(effect.changed()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.beforeZh()).contains("每月金额（元） 340.00");
            assertThat(r.afterZh()).contains("每月金额（元） 380.00");
            assertThat(r.whereZh()).contains("独生子女状况：死亡").contains("城镇");
            assertThat(r.zh()).contains("340.00 → 380.00");
            assertThat(r.en()).contains("amount per month, yuan 340.00 → ").contains("380.00");
        });
        // the rural rows and the disabled child's rows answer as before
        assertThat(effect.unchanged()).isNotEmpty().allSatisfy(r -> assertThat(r.zh()).endsWith("（不变）"));
        assertThat(effect.unchanged()).anySatisfy(r -> assertThat(r.whereZh()).contains("伤残"));
        assertThat(effect.unchanged()).noneSatisfy(r -> assertThat(r.beforeZh()).contains("380.00"));
        assertThat(TableEffect.of(template(), before, before).isEmpty()).isTrue();
    }

    @Test
    void rowsRenamedWithTheSameAnswersAreNoEffectThoughTheRowDiffListsThem() {
        List<TableRow> before = TableDiffTest.rowsOf(3);
        List<TableRow> after = before.stream().map(r -> new TableRow(r.sheetRow(), r.rowId() + "-R", r.values())).toList();
        assertThat(TableDiff.of(template(), before, after).added()).hasSize(before.size());
        assertThat(TableEffect.of(template(), before, after).changed()).isEmpty();
    }

    @Test
    void aRemovedRowLeavesItsRegionWithNoRowApplying() {
        List<TableRow> before = TableDiffTest.rowsOf(3);
        List<TableRow> after = before.stream().filter(r -> !r.rowId().equals("SS-2014-URBAN-DIED")).toList();
        TableEffect effect = TableEffect.of(template(), before, after);
        assertThat(effect.changed()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.beforeZh()).contains("340.00");
            assertThat(r.afterZh()).isNull();
            assertThat(r.zh()).endsWith("→ 无规则适用");
            assertThat(r.en()).endsWith("→ no row applies");
        });
    }
}
