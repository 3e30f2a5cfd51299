package cn.huiyisheng.modulithprobe.grants.persistence;

/** The grants module's internal row. */
public class GrantRow {
    public String personKey;
}
