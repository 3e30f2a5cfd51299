package cn.huiyisheng.rules.household;

/**
 * One thing wrong with an input, located by a JSON path such as {@code $.children[0].birthDate}.
 *
 * @param path    where the problem is
 * @param code    a stable machine-readable code, e.g. {@code ID_NUMBER_CHECK_DIGIT}
 * @param message what is wrong, in words a user can act on (English)
 * @param zh      the same in Simplified Chinese
 */
public record Problem(String path, String code, String message, String zh) {
}
