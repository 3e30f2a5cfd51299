package cn.huiyisheng.rules;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

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

    @Test
    void timeIsAParameter() {
        noClasses().should().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(RULES);
    }
}
