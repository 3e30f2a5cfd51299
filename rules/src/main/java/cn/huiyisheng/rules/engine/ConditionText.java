package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.household.Labelled;
import cn.huiyisheng.rules.table.Column;

import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;

/** Evaluates one condition cell against a subject in Java and says it in words (zh-CN, en). */
public final class ConditionText {

    private ConditionText() {
    }

    /** Whether the attribute value satisfies the cell; the same semantics as the generated DRL. */
    public static boolean holds(Column column, Object cell, Object actual) {
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

    public static Reason reason(Column column, Object cell, Object actual) {
        boolean met = holds(column, cell, actual);
        String op = switch (column.type()) {
            case MIN_INT -> "≥ ";
            case MAX_INT -> "≤ ";
            case DATE_MIN -> "≥ ";
            case DATE_MAX -> "≤ ";
            default -> "";
        };
        String zh = column.zh() + "：要求" + (column.type() == cn.huiyisheng.rules.table.CellType.ENUM_SET ? "为" : "")
                + op + value(cell, true) + "，实际" + value(actual, true) + (met ? "（符合）" : "（不符合）");
        String en = column.en() + ": required " + op + value(cell, false) + ", actual " + value(actual, false)
                + (met ? " (met)" : " (not met)");
        return new Reason(column.attribute(), met, zh, en);
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
