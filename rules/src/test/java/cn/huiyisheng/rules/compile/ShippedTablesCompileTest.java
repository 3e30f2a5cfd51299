package cn.huiyisheng.rules.compile;

import cn.huiyisheng.rules.Shipped;
import cn.huiyisheng.rules.table.TableTemplates;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedTablesCompileTest {

    @Test
    void everyShippedVersionCompilesWithZeroBuilderMessages() {
        TableCompiler compiler = new TableCompiler();
        assertThat(Shipped.VERSIONS).isNotEmpty().allSatisfy(v -> {
            CompiledTable compiled = compiler.compile(TableTemplates.of(v.code()), v.bytes());
            assertThat(TableCompiler.builderMessages(List.of(compiled.drl()))).as(v.id()).isEmpty();
            assertThat(compiled.kieBase().getKiePackages()).as(v.id()).isNotEmpty();
            assertThat(compiled.rows()).as(v.id()).isNotEmpty();
        });
    }

    @Test
    void allTablesTogetherCompileAsOneRuleSetWithoutMessages() {
        TableCompiler compiler = new TableCompiler();
        List<String> latest = Shipped.VERSIONS.stream()
                .filter(v -> Shipped.VERSIONS.stream().noneMatch(o -> o.code() == v.code() && o.version() > v.version()))
                .map(v -> compiler.compile(TableTemplates.of(v.code()), v.bytes()).drl()).toList();
        assertThat(latest).hasSize(13);
        assertThat(TableCompiler.builderMessages(latest)).isEmpty();
    }

    @Test
    void aVersionIsCompiledOnceAndCachedBySha256() {
        TableCompiler compiler = new TableCompiler();
        var v = Shipped.VERSIONS.get(0);
        CompiledTable first = compiler.compile(TableTemplates.of(v.code()), v.bytes());
        assertThat(compiler.compile(TableTemplates.of(v.code()), v.bytes().clone())).isSameAs(first);
        assertThat(first.sha256()).isEqualTo(v.sha256());
        compiler.evict(v.sha256());
        assertThat(compiler.cachedVersions()).isZero();
    }
}
