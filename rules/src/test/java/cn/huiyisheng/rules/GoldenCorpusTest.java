package cn.huiyisheng.rules;

import cn.huiyisheng.rules.cases.PolicyCases;
import cn.huiyisheng.rules.catalog.PolicyTableDirectory;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.PeriodEvaluator;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.replay.JsonDiff;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The golden corpus (issue 12 §3): one sealed record per policy case (the facts, the date or span
 * of months, the instant the rules were known at, and the engine's whole result with its SHA-256),
 * committed under {@code rules/src/test/resources/golden/corpus.jsonl}. The build replays every
 * record: a change of the engine (or of a shipped table) that alters any past decision fails it,
 * naming each record and each difference at its JSON pointer, until the corpus is regenerated
 * deliberately: {@code mvn -pl rules test -Dtest=GoldenCorpusTest -Dgolden.regenerate=true}, which
 * writes it again and prints the same list of differences for the commit message.
 */
class GoldenCorpusTest {

    /** Every record is decided as the rules were known at this instant: versions published later never enter the corpus. */
    static final Instant KNOWN_AT = Instant.parse("2026-12-01T00:00:00Z");
    /** A reason as the service seals it: its code, whether met, its words (the rules module carries no Jackson annotations). */
    @com.fasterxml.jackson.annotation.JsonAutoDetect(fieldVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
            getterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
    abstract static class ReasonJson {
        @com.fasterxml.jackson.annotation.JsonProperty("code") abstract String code();
        @com.fasterxml.jackson.annotation.JsonProperty("met") abstract boolean met();
        @com.fasterxml.jackson.annotation.JsonProperty("zh") abstract String zh();
        @com.fasterxml.jackson.annotation.JsonProperty("en") abstract String en();
    }

    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addMixIn(cn.huiyisheng.rules.engine.Reason.class, ReasonJson.class)
            .addModule(new JavaTimeModule())
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .build();

    static Path corpusFile() {
        return Shipped.ROOT.getParent().resolve("rules/src/test/resources/golden/corpus.jsonl");
    }

    /** Every case of every shipped table, as a record decided now (without its expected result). */
    static List<ObjectNode> records() throws Exception {
        List<ObjectNode> out = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Shipped.ROOT)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                Path file = folder.resolve(PolicyTableDirectory.CASES);
                if (!Files.exists(file)) {
                    continue;
                }
                byte[] yaml = Files.readAllBytes(file);
                TableCode code = TableCode.parse(PolicyTableDirectory.yaml().readTree(yaml).path("table").asText()).orElseThrow();
                PolicyCases.CaseFile cases = PolicyCases.parse(yaml, code);
                int n = 0;
                for (PolicyCases.Case c : cases.cases()) {
                    Household h = cases.households().get(c.household());
                    ObjectNode r = CANONICAL.createObjectNode();
                    r.put("id", code.name() + "/" + (++n));
                    r.put("case", c.name());
                    r.put("knownAt", KNOWN_AT.toString());
                    r.set("household", CANONICAL.valueToTree(h));
                    if (c.period() != null) {
                        r.put("from", c.period().from().toString());
                        r.put("to", c.period().to().toString());
                    } else {
                        r.put("asOf", c.asOf().toString());
                    }
                    r.put("benefit", code.name());
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** A record's facts decided by today's engine under the shipped tables, as canonical JSON. */
    static String decide(JsonNode r) throws Exception {
        Household h = CANONICAL.treeToValue(r.get("household"), Household.class);
        TableCode code = TableCode.valueOf(r.get("benefit").asText());
        Instant knownAt = Instant.parse(r.get("knownAt").asText());
        Object result;
        if (r.has("from")) {
            PeriodDetermination pd = new PeriodEvaluator(Shipped.ENGINE).evaluate(h, java.time.YearMonth.parse(r.get("from").asText()),
                    java.time.YearMonth.parse(r.get("to").asText()), knownAt, EnumSet.of(code));
            result = pd;
        } else {
            Determination d = Shipped.ENGINE.evaluate(h, java.time.LocalDate.parse(r.get("asOf").asText()), knownAt, EnumSet.of(code));
            result = d;
        }
        return CANONICAL.writeValueAsString(result);
    }

    @Test
    void everyPastDecisionOfTheCorpusIsDecidedTheSameWayByTodaysEngine() throws Exception {
        List<ObjectNode> now = records();
        Map<String, JsonNode> committed = new LinkedHashMap<>();
        Path file = corpusFile();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    JsonNode r = CANONICAL.readTree(line);
                    committed.put(r.get("id").asText(), r);
                }
            }
        }
        List<String> differences = new ArrayList<>();
        StringBuilder regenerated = new StringBuilder();
        for (ObjectNode r : now) {
            String id = r.get("id").asText();
            String result = decide(r);
            JsonNode before = committed.remove(id);
            if (before == null) {
                differences.add(id + " (" + r.get("case").asText() + "): new, not in the corpus");
            } else {
                ObjectNode facts = r.deepCopy();
                ObjectNode was = ((ObjectNode) before).deepCopy();
                was.remove(List.of("result", "resultSha256"));
                if (!was.equals(facts)) {
                    differences.add(id + ": its case changed (facts, date or name): " + JsonDiff.diff(was, facts).stream()
                            .map(JsonDiff.Op::describe).toList());
                } else {
                    String stored = CANONICAL.writeValueAsString(before.get("result"));
                    if (!stored.equals(result)) {
                        differences.add(id + " (" + r.get("case").asText() + "): " + JsonDiff.diff(before.get("result"), CANONICAL.readTree(result))
                                .stream().map(JsonDiff.Op::describe).toList());
                    } else {
                        assertThat(before.get("resultSha256").asText()).as(id + ": the committed hash of its result")
                                .isEqualTo(TableCompiler.sha256(stored.getBytes(StandardCharsets.UTF_8)));
                    }
                }
            }
            r.set("result", CANONICAL.readTree(result));
            r.put("resultSha256", TableCompiler.sha256(result.getBytes(StandardCharsets.UTF_8)));
            regenerated.append(CANONICAL.writeValueAsString(r)).append('\n');
        }
        committed.keySet().forEach(id -> differences.add(id + ": in the corpus, no longer a case"));
        if (Boolean.getBoolean("golden.regenerate")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, regenerated.toString(), StandardCharsets.UTF_8);
            System.out.println("golden corpus regenerated: " + now.size() + " records, " + differences.size() + " difference(s)");
            differences.forEach(d -> System.out.println("  " + d));
            return;
        }
        assertThat(now).as("the policy cases").hasSizeGreaterThan(50);
        assertThat(differences).as("the engine decides these past records differently (regenerate the corpus deliberately:"
                + " mvn -pl rules test -Dtest=GoldenCorpusTest -Dgolden.regenerate=true, and say why in the commit)").isEmpty();
    }

    @Test
    void aChangedDecisionIsNamedWithItsRecordAndThePointerThatDiffers() throws Exception {
        ObjectNode r = records().stream().filter(x -> x.get("benefit").asText().equals("SPECIAL_SUPPORT") && x.has("asOf")
                && x.get("case").asText().startsWith("first day of the 2008 scheme")).findFirst().orElseThrow();
        JsonNode decided = CANONICAL.readTree(decide(r));
        ObjectNode altered = decided.deepCopy();
        ((ObjectNode) altered.get("benefits").get(0).get("items").get(0)).put("amount", new java.math.BigDecimal("101.00"));
        assertThat(JsonDiff.diff(altered, decided)).extracting(JsonDiff.Op::describe)
                .containsExactly("/benefits/0/items/0/amount: 101.00 → 100.00");
    }
}
