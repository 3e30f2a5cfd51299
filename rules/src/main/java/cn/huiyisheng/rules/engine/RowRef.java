package cn.huiyisheng.rules.engine;

/** A row of a table that decided an outcome: its id and the spreadsheet row it stands on. */
public record RowRef(String rowId, int sheetRow) {
}
