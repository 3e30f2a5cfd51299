package cn.huiyisheng.app.policy;

import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.facts.TableCode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The versions shipped in the jar under {@code policy-tables/} (copied from the repository's folder). */
final class ShippedTables {

    private ShippedTables() {
    }

    /** The shipped test cases of a table ({@code policy-tables/<folder>/cases.yaml}), or null when it has none. */
    static byte[] cases(TableCode code) {
        Resource r = new PathMatchingResourcePatternResolver().getResource("classpath:policy-tables/" + code.folder() + "/"
                + PolicyTableDirectory.CASES);
        try {
            return r.exists() ? r.getContentAsByteArray() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<PolicyTable> load() {
        try {
            Resource[] metadata = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:policy-tables/*/*/" + PolicyTableDirectory.METADATA);
            List<PolicyTable> tables = new ArrayList<>();
            for (Resource yaml : metadata) {
                String url = yaml.getURL().toString();
                String[] parts = url.substring(0, url.lastIndexOf('/')).split("/");
                String folder = parts[parts.length - 2];
                String where = "policy-tables/" + folder + "/" + parts[parts.length - 1];
                TableCode code = TableCode.fromFolder(folder)
                        .orElseThrow(() -> new IllegalStateException(where + ": not the folder of a known table"));
                byte[] sheet = yaml.createRelative(PolicyTableDirectory.SPREADSHEET).getContentAsByteArray();
                tables.add(PolicyTableDirectory.read(code, where, yaml.getContentAsByteArray(), sheet));
            }
            tables.sort(Comparator.comparing(PolicyTable::code).thenComparingInt(PolicyTable::version));
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
