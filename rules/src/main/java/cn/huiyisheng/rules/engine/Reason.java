package cn.huiyisheng.rules.engine;

import java.util.Objects;
import java.util.function.Function;

/**
 * Why an outcome is what it is: a condition that held or failed, or a fact about the decision (no
 * version in force, nothing to assess). The words, in zh-CN and en, are rendered when first asked
 * for: a determination records what was compared, and evaluation does not pay for text nobody reads.
 */
public final class Reason {

    private final String code;
    private final boolean met;
    private final Function<Boolean, String> render;
    private String zh;
    private String en;
    /** A writer's encoded forms of this reason (it never changes), kept with it: see {@link #encoded(int)}. */
    private volatile Object encoded0;
    private volatile Object encoded1;

    /** A reason whose words are known already. */
    public Reason(String code, boolean met, String zh, String en) {
        this.code = code;
        this.met = met;
        this.zh = zh;
        this.en = en;
        this.render = null;
    }

    /** A reason rendered on demand: {@code render.apply(true)} gives the Chinese, false the English. */
    Reason(String code, boolean met, Function<Boolean, String> render) {
        this.code = code;
        this.met = met;
        this.render = render;
    }

    /** The condition's attribute, or a code such as {@code NO_VERSION_IN_FORCE}. */
    public String code() {
        return code;
    }

    public boolean met() {
        return met;
    }

    public String zh() {
        if (zh == null) {
            zh = render.apply(Boolean.TRUE);
        }
        return zh;
    }

    public String en() {
        if (en == null) {
            en = render.apply(Boolean.FALSE);
        }
        return en;
    }

    /**
     * What a writer stored with {@link #encoded(int, Object)} for the given form (0 or 1), or null.
     * The engine keeps each outcome's reasons and hands the same objects out for every household
     * with that outcome; a serialiser can so encode each once (the rules module knows nothing of
     * the encoding: the app's JSON writer keeps its bytes here).
     */
    public Object encoded(int form) {
        return form == 0 ? encoded0 : encoded1;
    }

    public void encoded(int form, Object value) {
        if (form == 0) {
            encoded0 = value;
        } else {
            encoded1 = value;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reason r && r.code.equals(code) && r.met == met && r.zh().equals(zh()) && r.en().equals(en());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, met);
    }

    @Override
    public String toString() {
        return "Reason[" + code + ", " + (met ? "met" : "not met") + ": " + en() + "]";
    }
}
