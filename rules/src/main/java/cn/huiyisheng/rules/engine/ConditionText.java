package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.Subject;
import cn.huiyisheng.rules.household.Labelled;
import cn.huiyisheng.rules.table.CellType;
import cn.huiyisheng.rules.table.Column;

import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One condition cell of one row, ready to be checked against a subject in Java and said in words.
 * The required side of the sentence is rendered once per compiled table.
 */
final class ConditionText {

    private final Column column;
    private final Object cell;
    private final Function<Subject, Object> reader;
    private final String zhRequired;
    private final String enRequired;
    /** The column's attribute and the cell's value: two rows with the same key say the same thing. */
    final String key;

    ConditionText(Column column, Object cell) {
        this.column = column;
        this.cell = cell;
        this.reader = Subject.ATTRIBUTES.get(column.attribute());
        if (reader == null) {
            throw new IllegalArgumentException("no subject attribute " + column.attribute());
        }
        String op = switch (column.type()) {
            case MIN_INT, DATE_MIN -> "≥ ";
            case MAX_INT, DATE_MAX -> "≤ ";
            default -> "";
        };
        this.zhRequired = column.zh() + "：要求" + (column.type() == CellType.ENUM_SET ? "为" : "") + op + value(cell, true) + "，实际";
        this.enRequired = column.en() + ": required " + op + value(cell, false) + ", actual ";
        this.key = column.type() + ":" + column.attribute() + ":" + cell;
    }

    Reason reason(Subject subject) {
        Object actual = reader.apply(subject);
        boolean met = holds(actual);
        return new Reason(column.attribute(), met, zh -> zh
                ? zhRequired + value(actual, true) + (met ? "（符合）" : "（不符合）")
                : enRequired + value(actual, false) + (met ? " (met)" : " (not met)"));
    }

    boolean holds(Subject subject) {
        return holds(reader.apply(subject));
    }

    /** Whether the attribute value satisfies the cell: the same semantics as the generated DRL. */
    private boolean holds(Object actual) {
        return switch (column.type()) {
            case MIN_INT -> ((Integer) actual) >= (Integer) cell;
            case MAX_INT -> ((Integer) actual) <= (Integer) cell;
            case EQ_INT -> ((Integer) actual).intValue() == (Integer) cell;
            case ENUM_SET -> ((Collection<?>) cell).contains(actual);
            case BOOL -> cell.equals(actual);
            case DATE_MIN -> actual != null && !((LocalDate) actual).isBefore((LocalDate) cell);
            case DATE_MAX -> actual != null && !((LocalDate) actual).isAfter((LocalDate) cell);
            default -> throw new IllegalArgumentException(column.type() + " is not a condition");
        };
    }

    private static String value(Object v, boolean zh) {
        if (v == null) {
            return zh ? "无" : "none";
        }
        if (v instanceof Collection<?> c) {
            return c.stream().map(x -> value(x, zh)).sorted().collect(Collectors.joining(zh ? "、" : " or "));
        }
        if (v instanceof Labelled l) {
            return zh ? l.zh() : l.en();
        }
        if (v instanceof Boolean b) {
            return zh ? (b ? "是" : "否") : (b ? "yes" : "no");
        }
        if (v instanceof Integer i && i < 0) {
            return zh ? "不适用" : "n/a";
        }
        return v.toString();
    }
}
