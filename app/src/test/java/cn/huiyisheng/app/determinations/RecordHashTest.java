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

    /** The joined bytes of a record stored compressed (since V39): zero, the text's SHA-256, zero, the compressed bytes. */
    static String joinedCompressed(DeterminationRow r) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(String.join("\n", Long.toString(r.getSeq()), Long.toString(r.getClaimId()), r.getAsOf().toString(),
                r.getKnownAt().toString(), r.getPeriodFrom(), r.getPeriodTo(), r.getBenefits(), r.getFactsJson(),
                r.getVersionsJson()).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.write(0);
        out.write(r.getResultSha256().getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        out.write(r.getResultZ());
        out.write(("\n" + String.join("\n", r.getEngineVersion(), r.getRecordedAt().toString(), r.getPrevHash())
                + (SealedDeterminations.SCOPE_FULL.equals(r.getScope()) ? "" : "\n" + r.getScope())
                + (r.getRecordsJson() == null ? "" : "\n" + r.getRecordsJson())).getBytes(StandardCharsets.UTF_8));
        return TableCompiler.sha256(out.toByteArray());
    }

    @Test
    void aResultStoredCompressedIsSealedAsStored() throws Exception {
        DeterminationRow text = row("CLAIM", "{\"grants\":[]}");
        DeterminationRow r = row("CLAIM", "{\"grants\":[]}");
        r.storeResult(text.getResultJson());
        // stored: no text, the SHA-256 of the text, the text compressed; read back, the same text
        assertThat(r.getStoredResultJson()).isNull();
        assertThat(r.getResultSha256()).isEqualTo(TableCompiler.sha256(text.getResultJson().getBytes(StandardCharsets.UTF_8)));
        assertThat(SealedResult.inflate(r.getResultZ())).isEqualTo(text.getResultJson());
        String sealed = SealedDeterminations.hash(r);
        assertThat(sealed).isEqualTo(joinedCompressed(r)).isNotEqualTo(SealedDeterminations.hash(text));
        // the compressed bytes, the SHA-256 and a text put beside them are each sealed
        DeterminationRow other = row("CLAIM", "{\"grants\":[]}");
        other.storeResult(text.getResultJson().replace("340.00", "341.00"));
        DeterminationRow forged = row("CLAIM", "{\"grants\":[]}");
        forged.setResultJson(null);
        forged.setResultSha256(r.getResultSha256());
        forged.setResultZ(other.getResultZ());
        assertThat(SealedDeterminations.hash(forged)).isNotEqualTo(sealed);
        forged.setResultZ(r.getResultZ());
        forged.setResultSha256(other.getResultSha256());
        assertThat(SealedDeterminations.hash(forged)).isNotEqualTo(sealed);
        forged.setResultSha256(r.getResultSha256());
        assertThat(SealedDeterminations.hash(forged)).isEqualTo(sealed);
        forged.setResultJson(text.getResultJson().replace("340.00", "341.00"));
        assertThat(SealedDeterminations.hash(forged)).isNotEqualTo(sealed);
        // what is read is the sealed (compressed) result, not a text put beside it
        assertThat(forged.getResultJson()).isEqualTo(text.getResultJson());
    }

    @Test
    void aStoredResultThatDoesNotInflateIsReportedNotGuessedAt() {
        byte[] z = SealedResult.compress("{\"amount\":340.00}".getBytes(StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SealedResult.inflate(java.util.Arrays.copyOf(z, z.length - 4)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stored result");
        z[3] ^= 0x55;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SealedResult.inflate(z))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("stored result");
    }
}
