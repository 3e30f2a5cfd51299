package cn.huiyisheng.rules;

import cn.huiyisheng.rules.catalog.Catalog;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.engine.Engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The shipped policy tables, loaded once per test JVM. */
public final class Shipped {

    public static final Path ROOT = PolicyTableDirectory.locate();
    public static final List<PolicyTable> VERSIONS = PolicyTableDirectory.load(ROOT);
    public static final Engine ENGINE = new Engine(new Catalog(VERSIONS), new TableCompiler());
    /** Cases are decided "as known now": every shipped version is published by then. */
    public static final Instant NOW = Instant.now();

    private Shipped() {
    }
}
