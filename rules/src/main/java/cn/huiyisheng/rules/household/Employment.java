package cn.huiyisheng.rules.household;

/** The person's employer; {@code employerType} decides who pays employer-borne benefits. */
public record Employment(EmployerType employerType, String employerName) {
}
