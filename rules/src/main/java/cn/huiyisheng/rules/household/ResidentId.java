package cn.huiyisheng.rules.household;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character citizen identification number of GB 11643-1999: 6 digits of area, 8 of birth
 * date, 3 of sequence (odd for men, even for women) and a check character computed by ISO 7064
 * MOD 11-2.
 */
public final class ResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentId() {
    }

    /** Why a number is not a valid ID number, in English and Chinese. */
    public record Defect(String en, String zh) {
    }

    /** Why the number is not a valid ID number, or empty when it is. */
    public static Optional<String> problem(String id) {
        return defect(id).map(Defect::en);
    }

    public static Optional<Defect> defect(String id) {
        if (id == null || id.length() != 18) {
            return Optional.of(new Defect("must have 18 characters", "必须为18位"));
        }
        for (int i = 0; i < 17; i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                return Optional.of(new Defect("character " + (i + 1) + " must be a digit", "第" + (i + 1) + "位必须是数字"));
            }
        }
        if (birthDate(id).isEmpty()) {
            return Optional.of(new Defect("characters 7-14 are not a valid birth date", "第7至14位不是有效的出生日期"));
        }
        char expected = checkCharacter(id.substring(0, 17));
        if (Character.toUpperCase(id.charAt(17)) != expected) {
            return Optional.of(new Defect("check character must be " + expected + " (GB 11643)",
                    "校验码应为" + expected + "（GB 11643）"));
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14))));
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The sex coded by the 17th character: odd for men, even for women. */
    public static Sex sex(String id) {
        return (id.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** For logs and views that do not need the number: the area prefix and the check character only. */
    public static String mask(String id) {
        if (id == null) {
            return "null";
        }
        if (id.length() < 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 4) + id.charAt(id.length() - 1);
    }

    /** A name masked for display: the family name is kept, the rest starred (张** ). */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        return name.charAt(0) + "*".repeat(Math.max(1, name.length() - 1));
    }
}
