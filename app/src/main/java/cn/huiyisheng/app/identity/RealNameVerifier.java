package cn.huiyisheng.app.identity;

/**
 * Confirms that a resident ID number belongs to a person of that name. A real deployment verifies
 * through the city's real-name authentication service (a bean implementing this replaces the
 * default); the embedded default, {@link ChecksumRealNameVerifier}, can only check that the number
 * is a valid GB 11643 number and that a name is given.
 */
public interface RealNameVerifier {

    /** The outcome: verified, or why not, in both languages. */
    record Verification(boolean verified, String en, String zh) {
        public static Verification ok() {
            return new Verification(true, null, null);
        }

        public static Verification refused(String en, String zh) {
            return new Verification(false, en, zh);
        }
    }

    Verification verify(String name, String idNumber);
}
