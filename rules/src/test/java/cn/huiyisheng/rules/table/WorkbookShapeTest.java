package cn.huiyisheng.rules.table;

import cn.huiyisheng.rules.facts.TableCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sheet too large is refused before the workbook is loaded (the time and memory are measured by ./bench). */
class WorkbookShapeTest {

    @Test
    void theLargestUploadTheCapAllowsIsRefusedUnloadedNamingTheLimit() {
        byte[] huge = LargeUploads.rows("SpecialSupport", 140_000);
        assertThat(huge.length).isLessThanOrEqualTo(TableReader.MAX_BYTES);
        TableTemplate template = TableTemplates.of(TableCode.SPECIAL_SUPPORT);
        assertThatThrownBy(() -> TableReader.read(template, huge))
                .isInstanceOfSatisfying(TableRejectedException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).expected()).isEqualTo("at most " + (TableTemplate.FIRST_DATA_ROW
                            + TableReader.MAX_DATA_ROWS + TableReader.MAX_TRAILING_ROWS) + " rows");
                    assertThat(e.problems().get(0).found()).contains("reading stopped there");
                });
    }

    @Test
    void aSheetWithinTheLimitsPassesTheCheck() {
        WorkbookShape.check("s", LargeUploads.rows("s", 100), 100, 1_000);
        assertThatThrownBy(() -> WorkbookShape.check("s", LargeUploads.rows("s", 101), 100, 1_000))
                .isInstanceOf(TableRejectedException.class);
        assertThatThrownBy(() -> WorkbookShape.check("s", LargeUploads.rows("s", 100), 100, 999))
                .isInstanceOf(TableRejectedException.class).hasMessageContaining("cells");
        // not a workbook at all: left to the loader, which says so
        WorkbookShape.check("s", "not a zip".getBytes(), 1, 1);
    }
}
