package cn.huiyisheng.app.determinations;

import cn.huiyisheng.rules.compile.TableCompiler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sealed record's hash is the SHA-256 of its fields joined by line feeds (the scope when not
 * FULL, the system's records when there are any): what every seal since V8 holds, and what the
 * offline verifier and the auditors recompute. The digest is fed field by field for speed; this
 * holds it to the joined text, with Chinese in the fields and each optional field present or not.
 */
class RecordHashTest {

    static DeterminationRow row(String scope, String records) {
        DeterminationRow r = new DeterminationRow();
        r.setSeq(42L);
        r.setClaimId(7L);
        r.setAsOf(LocalDate.of(2014, 6, 30));
        r.setKnownAt(Instant.parse("2014-06-30T08:00:01Z"));
        r.setPeriodFrom("2014-01");
        r.setPeriodTo("2014-12");
        r.setBenefits("SPECIAL_SUPPORT,HARDSHIP_FAMILY_SUPPORT");
        r.setFactsJson("{\"district\":\"福田区\",\"mother\":{\"name\":\"李梅\"}}");
        r.setVersionsJson("{\"SPECIAL_SUPPORT-v3\":\"ab\"}");
        r.setResultJson("{\"amount\":340.00,\"zh\":\"女方年龄：要求≥ 49，实际55（符合）\"}");
        r.setEngineVersion("engine-9");
        r.setRecordedAt(Instant.parse("2014-06-30T08:00:02.123Z"));
        r.setPrevHash("0".repeat(64));
        r.setScope(scope);
        r.setRecordsJson(records);
        return r;
    }

    static String joined(DeterminationRow r) {
        String content = String.join("\n", Long.toString(r.getSeq()), Long.toString(r.getClaimId()), r.getAsOf().toString(),
                r.getKnownAt().toString(), r.getPeriodFrom(), r.getPeriodTo(), r.getBenefits(), r.getFactsJson(),
                r.getVersionsJson(), r.getResultJson(), r.getEngineVersion(), r.getRecordedAt().toString(), r.getPrevHash())
                + (SealedDeterminations.SCOPE_FULL.equals(r.getScope()) ? "" : "\n" + r.getScope())
                + (r.getRecordsJson() == null ? "" : "\n" + r.getRecordsJson());
        return TableCompiler.sha256(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theHashIsTheJoinedFieldsHashedWhateverTheOptionalFields() {
        for (DeterminationRow r : new DeterminationRow[]{row("FULL", null), row("CLAIM", null), row("PAYMENT", "{\"grants\":[]}"),
                row("FULL", "{}")}) {
            assertThat(SealedDeterminations.hash(r)).as(r.getScope() + " " + r.getRecordsJson()).isEqualTo(joined(r));
        }
    }

    @Test
    void aReplayedResultInTheStoredOnesPlaceGivesTheSealExactlyWhenItIsTheSameBytes() {
        DeterminationRow r = row("CLAIM", null);
        String sealed = SealedDeterminations.hash(r);
        assertThat(SealedDeterminations.hash(r, r.getResultJson().getBytes(StandardCharsets.UTF_8))).isEqualTo(sealed);
        assertThat(SealedDeterminations.hash(r, r.getResultJson().replace("340.00", "340.0").getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(sealed);
        // the text is hashed as UTF-8: the same characters in another encoding are another result
        assertThat(SealedDeterminations.hash(r, r.getResultJson().getBytes(java.nio.charset.Charset.forName("GB18030"))))
                .isNotEqualTo(sealed);
    }
}
