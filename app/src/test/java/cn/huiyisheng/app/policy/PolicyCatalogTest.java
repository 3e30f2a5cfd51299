package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.policy.persistence.PolicyVersionMapper;
import cn.huiyisheng.app.policy.persistence.PolicyVersionRow;
import cn.huiyisheng.rules.catalog.PolicyTable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalogue in the database: loaded once, never changed. Runs on H2 and, in CI, on MariaDB. */
@SpringBootTest(properties = "huiyisheng.warm-up=false")
class PolicyCatalogTest {

    @Autowired
    PolicyCatalog catalog;
    @Autowired
    PolicyVersionMapper mapper;

    @Test
    void theShippedVersionsAreInTheDatabaseAndASecondLoadAddsNothing() {
        List<PolicyTable> shipped = ShippedTables.load();
        assertThat(shipped).hasSize(18);
        int before = mapper.count();
        assertThat(catalog.loadShipped(shipped)).isZero();
        assertThat(mapper.count()).isEqualTo(before);
        PolicyVersionRow row = mapper.find("SPECIAL_SUPPORT", 3);
        assertThat(row.getValidFrom()).isEqualTo(LocalDate.of(2014, 1, 1));
        assertThat(row.getPublishedAt()).isEqualTo(Instant.parse("2013-12-25T16:00:00Z"));
        assertThat(row.getStatus()).isEqualTo("PUBLISHED");
        assertThat(row.getSpreadsheet()).hasSize(shipped.stream().filter(t -> t.id().equals("SPECIAL_SUPPORT-v3"))
                .findFirst().orElseThrow().bytes().length);
    }

    @Test
    void aShippedVersionThatDiffersFromThePublishedOneIsRefused() {
        PolicyTable v3 = ShippedTables.load().stream().filter(t -> t.id().equals("SPECIAL_SUPPORT-v3")).findFirst().orElseThrow();
        byte[] altered = v3.bytes().clone();
        altered[altered.length - 1] ^= 1;
        PolicyTable tampered = new PolicyTable(v3.code(), v3.version(), v3.validFrom(), v3.publishedAt(), null, v3.basis(),
                v3.changeNote(), v3.figures(), v3.sources(), v3.knownGaps(), altered, null);
        int before = mapper.count();
        assertThatThrownBy(() -> catalog.loadShipped(List.of(tampered)))
                .hasMessageContaining("SPECIAL_SUPPORT-v3")
                .hasMessageContaining("Published versions never change");
        assertThat(mapper.count()).isEqualTo(before);
    }

    @Test
    @Transactional
    void aVersionNumberCanBeStoredOnlyOncePerTable() {
        PolicyVersionRow row = mapper.find("REWARD_SUPPORT", 1);
        row.setId(null);
        row.setStatus("DRAFT");
        assertThatThrownBy(() -> mapper.insert(row)).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    @Transactional
    void aDraftIsWrittenAndReadBackButIsNotPartOfTheCatalogue() {
        PolicyVersionRow row = mapper.find("REWARD_SUPPORT", 3);
        row.setId(null);
        row.setVersionNo(1000);
        row.setStatus("DRAFT");
        row.setPublishedAt(null);
        row.setAuthor("policy.staff");
        assertThat(mapper.insert(row)).isEqualTo(1);
        assertThat(row.getId()).isNotNull();
        PolicyVersionRow read = mapper.find("REWARD_SUPPORT", 1000);
        assertThat(read.getAuthor()).isEqualTo("policy.staff");
        assertThat(read.getSpreadsheet()).isEqualTo(row.getSpreadsheet());
        assertThat(mapper.findPublished()).noneMatch(r -> r.getVersionNo() == 1000);
    }
}
