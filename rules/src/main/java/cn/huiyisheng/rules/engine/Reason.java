package cn.huiyisheng.rules.engine;

/**
 * Why an outcome is what it is, in words: a condition that held or failed, or a fact about the
 * decision (no version in force, nothing to assess).
 *
 * @param code   stable code: the condition's attribute, or a code such as {@code NO_VERSION_IN_FORCE}
 * @param met    whether the condition held
 */
public record Reason(String code, boolean met, String zh, String en) {
}
