package cn.huiyisheng.rules.household;

import java.time.LocalDate;

/** Retirement: the date it took effect and the pension drawn. */
public record Retirement(LocalDate date, PensionType pensionType) {
}
