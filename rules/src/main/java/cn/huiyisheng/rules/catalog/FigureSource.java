package cn.huiyisheng.rules.catalog;

/** Where a version's figures come from. */
public enum FigureSource {
    /** taken from a public notice named in the version's sources */
    SOURCED,
    /** commonly cited, but no public notice was found */
    UNSOURCED,
    /** a placeholder for policy staff to set; not an official figure */
    SAMPLE
}
