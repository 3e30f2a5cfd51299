package cn.huiyisheng.rules.table;

/**
 * The typed values a data cell may hold. Each type fixes the code its column compiles to, so the
 * code row of a table is derived from its template and never typed by a user.
 */
public enum CellType {
    /** attribute at least the integer in the cell */
    MIN_INT(true, "%s >= $param"),
    /** attribute at most the integer in the cell */
    MAX_INT(true, "%s <= $param"),
    /** attribute equal to the integer in the cell */
    EQ_INT(true, "%s == $param"),
    /** attribute one of the enumerated values in the cell, separated by commas */
    ENUM_SET(true, "%s in ($param)"),
    /** attribute equal to yes/no */
    BOOL(true, "%s == $param"),
    /** a date attribute on or after the date in the cell */
    DATE_MIN(true, "%s >= $param"),
    /** a date attribute on or before the date in the cell */
    DATE_MAX(true, "%s <= $param"),
    /** the row's stable identifier; records the match (always the first action) */
    ROW_ID(false, "$s.matched(\"$param\", drools.getRule().getName());"),
    /** an amount in yuan with at most two decimals */
    AMOUNT(false, "$s.setAmount(new BigDecimal(\"$param\"));"),
    /** a rate between 0 and 1 with at most four decimals */
    RATE(false, "$s.setRate(new BigDecimal(\"$param\"));"),
    /** who pays, one value of {@code Payer} */
    PAYER(false, "$s.setPayer($param);");

    private final boolean condition;
    private final String codeFormat;

    CellType(boolean condition, String codeFormat) {
        this.condition = condition;
        this.codeFormat = codeFormat;
    }

    public boolean isCondition() {
        return condition;
    }

    String code(String attribute) {
        return condition ? codeFormat.formatted(attribute) : codeFormat;
    }
}
