package cn.huiyisheng.app.identity;

import cn.huiyisheng.rules.household.Problem;

/** Length limits of the account's fields. */
final class Limits {

    static final int NAME = 50;

    private Limits() {
    }

    static Problem tooLong(String path, int max) {
        return new Problem(path, "TOO_LONG", "at most " + max + " characters", "最多" + max + "个字符");
    }
}
