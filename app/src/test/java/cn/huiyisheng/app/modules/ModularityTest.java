package cn.huiyisheng.app.modules;

import cn.huiyisheng.app.HuiyishengApplication;
import cn.huiyisheng.modulithprobe.ProbeApplication;
import cn.huiyisheng.modulithprobe.grants.persistence.GrantRow;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The feature modules of {@code app/} (each direct sub-package of {@code cn.huiyisheng.app}) keep
 * their boundaries: a module uses another only through the types of its root package (its API),
 * never its {@code persistence} or {@code web}, and no two modules depend on each other in a cycle.
 * Writes the module documentation (C4 and UML component diagrams, a canvas per module) into
 * {@code app/target/spring-modulith-docs}.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(HuiyishengApplication.class);

    @Test
    void everyModuleKeepsItsBoundaries() {
        MODULES.verify();
    }

    @Test
    void aModuleReachingIntoAnothersPersistenceFailsTheVerification() {
        // the probe lives in the test classes, which the verification of the application leaves out

        assertThatThrownBy(() -> ApplicationModules.of(ProbeApplication.class, location -> true).verify())
                .isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'claims' depends on non-exposed type " + GrantRow.class.getName());
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
                .writeDocumentation()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
