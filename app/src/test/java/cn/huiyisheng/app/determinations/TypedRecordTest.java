package cn.huiyisheng.app.determinations;

import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.fixtures.ClaimDriver;
import cn.huiyisheng.app.fixtures.People;
import cn.huiyisheng.app.identity.Users;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sealed result reads back as the engine's own types (what granting and the consoles work on,
 * instead of JSON paths), and writing those types again gives the sealed bytes: nothing is lost or
 * reinterpreted on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TypedRecordTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    Users users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    ClaimMapper claims;
    @Autowired
    SealedDeterminations sealed;

    @Test
    void aSealedResultReadsBackTypedAndWritesBackToTheSameBytes() {
        People.Couple couple = People.couple(users);
        ClaimDriver driver = new ClaimDriver(http, runtime, management, tasks);
        String reference = driver.submit(couple, couple.claim());
        cn.huiyisheng.app.Jobs.runDueOfClaim(runtime, management, reference);
        var record = sealed.latest(claims.findByReference(reference).getId()).orElseThrow();
        var typed = sealed.response(record);
        assertThat(typed.period().benefits()).isNotEmpty();
        assertThat(sealed.json(typed)).isEqualTo(record.getResultJson());
    }
}
