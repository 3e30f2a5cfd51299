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

    @Override
    public String toString() {
        return message();
    }
}
