package cn.huiyisheng.rules.catalog;

import cn.huiyisheng.rules.facts.TableCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** In force on a date, as known at an instant. */
class CatalogTest {

    private static PolicyTable version(int n, String validFrom, String publishedAt) {
        return new PolicyTable(TableCode.SPECIAL_SUPPORT, n, LocalDate.parse(validFrom), Instant.parse(publishedAt), null,
                new LegalBasis("doc", "clause"), "note", FigureSource.SAMPLE, List.of(), List.of(), new byte[]{(byte) n}, null);
    }

    private final PolicyTable v1 = version(1, "2008-01-01", "2007-12-15T00:00:00Z");
    private final PolicyTable v2 = version(2, "2014-01-01", "2013-12-26T00:00:00Z");
    /** A correction of 2014's figures published in mid-2015, back-dated to 2014-01-01. */
    private final PolicyTable correction = version(3, "2014-01-01", "2015-06-01T00:00:00Z");
    private final Catalog catalog = new Catalog(List.of(v1, v2, correction));

    @Test
    void theNextVersionsValidFromEndsAVersion() {
        Instant now = Instant.parse("2013-01-01T00:00:00Z");
        assertThat(catalog.inForce(TableCode.SPECIAL_SUPPORT, LocalDate.parse("2012-12-31"), now)).contains(v1);
        assertThat(catalog.inForce(TableCode.SPECIAL_SUPPORT, LocalDate.parse("2007-12-31"), now)).isEmpty();
    }

    @Test
    void aRetroactiveCorrectionDoesNotChangeWhatWasKnownThen() {
        LocalDate march2014 = LocalDate.parse("2014-03-01");
        assertThat(catalog.inForce(TableCode.SPECIAL_SUPPORT, march2014, Instant.parse("2014-03-01T00:00:00Z"))).contains(v2);
        assertThat(catalog.inForce(TableCode.SPECIAL_SUPPORT, march2014, Instant.parse("2016-01-01T00:00:00Z"))).contains(correction);
    }

    @Test
    void aVersionPublishedLaterIsNotKnownBefore() {
        assertThat(catalog.inForce(TableCode.SPECIAL_SUPPORT, LocalDate.parse("2014-02-01"), Instant.parse("2013-12-01T00:00:00Z")))
                .contains(v1);
    }

    @Test
    void aWithdrawnVersionIsKnownOnlyUntilItsWithdrawal() {
        PolicyTable withdrawn = new PolicyTable(TableCode.SPECIAL_SUPPORT, 4, LocalDate.parse("2016-01-01"),
                Instant.parse("2015-12-01T00:00:00Z"), Instant.parse("2016-02-01T00:00:00Z"), null, "x",
                FigureSource.SAMPLE, null, null, new byte[]{4}, null);
        catalog.add(withdrawn);
        LocalDate d = LocalDate.parse("2016-06-01");
        assertThat(catalog.inForce(TableCode.SPECIAL_SUPPORT, d, Instant.parse("2016-01-15T00:00:00Z"))).contains(withdrawn);
        assertThat(catalog.inForce(TableCode.SPECIAL_SUPPORT, d, Instant.parse("2016-03-01T00:00:00Z"))).contains(correction);
    }

    @Test
    void aVersionNumberIsUsedOnce() {
        assertThatThrownBy(() -> catalog.add(version(2, "2020-01-01", "2019-12-01T00:00:00Z")))
                .hasMessageContaining("SPECIAL_SUPPORT-v2 is already");
    }

    @Test
    void theShippedVersionsAllCarryTheirMetadata() {
        List<PolicyTable> shipped = PolicyTableDirectory.load(PolicyTableDirectory.locate());
        assertThat(shipped).hasSizeGreaterThanOrEqualTo(18);
        assertThat(shipped).allSatisfy(v -> {
            assertThat(v.basis().document()).as(v.id()).isNotBlank();
            assertThat(v.basis().clause()).as(v.id()).isNotBlank();
            assertThat(v.changeNote()).as(v.id()).isNotBlank();
            assertThat(v.figures()).as(v.id()).isNotNull();
            assertThat(v.sha256()).hasSize(64);
        });
        assertThat(shipped).filteredOn(v -> v.figures() == FigureSource.SOURCED && !v.code().isService())
                .allSatisfy(v -> assertThat(v.sources()).as(v.id() + " names the sources of its figures").isNotEmpty());
        for (TableCode code : TableCode.values()) {
            assertThat(shipped).as("a version of " + code).anyMatch(v -> v.code() == code);
        }
    }
}
