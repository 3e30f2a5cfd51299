package cn.huiyisheng.rules.table;

import cn.huiyisheng.rules.facts.Payer;

/**
 * One column of a pinned table template.
 *
 * @param type      what the cells hold, which also fixes the column's code
 * @param attribute the {@code Subject} attribute a condition reads (null for actions)
 * @param enumType  the enumeration of an ENUM_SET or PAYER column
 * @param zh        the column heading, Simplified Chinese
 * @param en        the column heading, English
 * @param required  every data row must fill it
 */
public record Column(CellType type, String attribute, Class<? extends Enum<?>> enumType, String zh, String en, boolean required) {

    public static Column min(String attribute, String zh, String en) {
        return new Column(CellType.MIN_INT, attribute, null, zh, en, false);
    }

    public static Column max(String attribute, String zh, String en) {
        return new Column(CellType.MAX_INT, attribute, null, zh, en, false);
    }

    public static Column eq(String attribute, String zh, String en) {
        return new Column(CellType.EQ_INT, attribute, null, zh, en, true);
    }

    public static Column oneOf(String attribute, Class<? extends Enum<?>> type, String zh, String en) {
        return new Column(CellType.ENUM_SET, attribute, type, zh, en, false);
    }

    public static Column flag(String attribute, String zh, String en) {
        return new Column(CellType.BOOL, attribute, null, zh, en, false);
    }

    public static Column from(String attribute, String zh, String en) {
        return new Column(CellType.DATE_MIN, attribute, null, zh, en, false);
    }

    public static Column until(String attribute, String zh, String en) {
        return new Column(CellType.DATE_MAX, attribute, null, zh, en, false);
    }

    public static Column rowId() {
        return new Column(CellType.ROW_ID, null, null, "行号", "row id", true);
    }

    public static Column amount(String zh, String en) {
        return new Column(CellType.AMOUNT, null, null, zh, en, true);
    }

    public static Column rate(String zh, String en) {
        return new Column(CellType.RATE, null, null, zh, en, true);
    }

    public static Column payer() {
        return new Column(CellType.PAYER, null, Payer.class, "支付方", "payer", true);
    }

    /** The code-row text of this column. */
    public String code() {
        return type.code(attribute);
    }

    /** The description-row text: both headings. */
    public String heading() {
        return zh + " / " + en;
    }
}
