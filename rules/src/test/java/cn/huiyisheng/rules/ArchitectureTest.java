package cn.huiyisheng.rules;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** rules/ is a library anyone can embed: no Spring, Camunda or MyBatis, and no clock of its own. */
class ArchitectureTest {

    private static final JavaClasses RULES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.huiyisheng.rules");

    @Test
    void theRuleReallyLooksAtTheRulesClasses() {
        // guard against a rule that silently checks nothing
        assertThat(RULES.stream().map(c -> c.getPackageName()).distinct())
                .contains("cn.huiyisheng.rules.engine", "cn.huiyisheng.rules.table", "cn.huiyisheng.rules.compile",
                        "cn.huiyisheng.rules.catalog", "cn.huiyisheng.rules.household", "cn.huiyisheng.rules.verify");
        assertThat(RULES.size()).isGreaterThan(40);
    }

    @Test
    void noFrameworkInTheRules() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.camunda..", "org.apache.ibatis..", "org.mybatis..", "jakarta.servlet..")
                .check(RULES);
    }

    /**
     * Any reading of a clock: {@code now(...)} of any java.time type with or without arguments (a
     * zone or a clock), {@code Clock.system*()}, {@code System.currentTimeMillis()}.
     */
    static final ArchRule TIME_IS_A_PARAMETER = noClasses().should().callMethodWhere(DescribedPredicate.describe(
            "read a clock (java.time now(...), Clock.system*(), System.currentTimeMillis())", (JavaMethodCall call) -> {
                String owner = call.getTarget().getOwner().getName();
                String name = call.getTarget().getName();
                return owner.startsWith("java.time.") && name.equals("now")
                        || owner.equals("java.time.Clock") && name.startsWith("system")
                        || owner.equals("java.lang.System") && name.equals("currentTimeMillis");
            }));

    @Test
    void timeIsAParameter() {
        TIME_IS_A_PARAMETER.check(RULES);
    }

    /** Reads clocks in every way the rule must catch. */
    static final class ReadsClocks {
        Object[] read() {
            return new Object[]{java.time.YearMonth.now(), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
                    java.time.Clock.systemUTC(), java.time.LocalDateTime.now(java.time.Clock.systemDefaultZone())};
        }
    }

    @Test
    void theTimeRuleCatchesEveryWayOfReadingAClock() {
        JavaClasses probe = new ClassFileImporter().importClasses(ReadsClocks.class);
        assertThatThrownBy(() -> TIME_IS_A_PARAMETER.check(probe))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("YearMonth.now()")
                .hasMessageContaining("LocalDate.now(java.time.ZoneId)")
                .hasMessageContaining("Clock.systemUTC()")
                .hasMessageContaining("Clock.systemDefaultZone()")
                .hasMessageContaining("LocalDateTime.now(java.time.Clock)");
    }
}
