package cn.huiyisheng.processes;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;

import java.util.Map;

/** A real Camunda engine on an in-memory H2, with the given beans for delegate expressions. */
public final class TestEngine {

    private TestEngine() {
    }

    public static ProcessEngine create(String name, Map<Object, Object> beans) {
        StandaloneInMemProcessEngineConfiguration cfg = new StandaloneInMemProcessEngineConfiguration();
        cfg.setProcessEngineName(name);
        cfg.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        cfg.setJobExecutorActivate(false);
        cfg.setHistory("activity");
        cfg.setBeans(beans);
        return cfg.buildProcessEngine();
    }
}
