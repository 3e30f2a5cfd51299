package cn.huiyisheng.app.config;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

import java.util.Set;

/**
 * Makes the process engine wait for Flyway: otherwise Camunda creates its ACT_* tables first and
 * Flyway refuses the non-empty schema (shared/DEPENDENCIES.md, pitfall 1). Registered in
 * META-INF/spring.factories.
 */
public class ProcessEngineAfterFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineFactoryBean.class);
    }
}
