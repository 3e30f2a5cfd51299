package cn.huiyisheng.rules.table;

/**
 * One reason a spreadsheet is refused, located to the cell.
 *
 * @param sheet    the sheet's name (or the file, for problems with the file as a whole)
 * @param cell     the cell in A1 notation, or null
 * @param expected what the cell must hold
 * @param found    what it holds
 */
public record TableProblem(String sheet, String cell, String expected, String found) {

    public String message() {
        StringBuilder b = new StringBuilder("sheet `").append(sheet).append('`');
        if (cell != null) {
            b.append(", cell ").append(cell);
        }
        b.append(": expected ").append(expected);
        if (found != null) {
            b.append(", found `").append(found).append('`');
        }
        return b.toString();
    }

    /**
     * The same in Chinese first: where, and what was found; what was expected is told in the
     * template's words (column headings are bilingual, the rest of that description is English).
     */
    public String zh() {
        StringBuilder b = new StringBuilder("工作表「").append(sheet).append("」");
        if (cell != null) {
            b.append("单元格 ").append(cell);
        }
        if (found != null) {
            b.append("：读到「").append(found).append("」，");
        } else {
            b.append("：");
        }
        return b.append("不符合要求（应为 ").append(expected).append("）").toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
