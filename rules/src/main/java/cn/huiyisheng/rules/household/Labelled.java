package cn.huiyisheng.rules.household;

/** A value with a Simplified Chinese and an English label, shown to users and accepted in spreadsheet cells. */
public interface Labelled {
    String zh();

    String en();

    String name();
}
