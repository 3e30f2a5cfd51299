package cn.huiyisheng.rules.compile;

import cn.huiyisheng.rules.table.ParsedTable;
import cn.huiyisheng.rules.table.TableProblem;
import cn.huiyisheng.rules.table.TableReader;
import cn.huiyisheng.rules.table.TableRejectedException;
import cn.huiyisheng.rules.table.TableTemplate;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.kie.api.KieBase;
import org.kie.internal.builder.ResultSeverity;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spreadsheet bytes to a compiled knowledge base, at run time. The bytes are validated against
 * the table's pinned template first ({@link TableReader}); the Drools decision-table compiler then
 * turns the canonical workbook into DRL, which the Drools builder compiles. Results are cached by
 * SHA-256, so many versions of one table live side by side and a version is compiled once.
 */
public final class TableCompiler {

    private static final Pattern RULE_ROW = Pattern.compile("_(\\d+)\\b");

    private final ConcurrentHashMap<String, CompiledTable> cache = new ConcurrentHashMap<>();

    private static final int MAX_RULE_SETS = 256;
    private final ConcurrentHashMap<List<String>, KieBase> ruleSets = new ConcurrentHashMap<>();

    /**
     * The knowledge base of several versions together (by their SHA-256s, in the engine's order),
     * built once from their DRL and shared by every engine on this compiler: a simulation's engine,
     * made for one run, does not build again what the service's engine built.
     */
    public KieBase ruleSet(List<String> shas, java.util.function.Supplier<List<String>> drls) {
        KieBase known = ruleSets.get(shas);
        if (known != null) {
            return known;
        }
        if (ruleSets.size() >= MAX_RULE_SETS) {
            ruleSets.clear();
        }
        return ruleSets.computeIfAbsent(List.copyOf(shas), k -> build(drls.get(), "rule set"));
    }

    /** Compiles (or returns the cached compilation of) a version. */
    public CompiledTable compile(TableTemplate template, byte[] bytes) {
        return compile(template, bytes, sha256(bytes));
    }

    /** As {@link #compile(TableTemplate, byte[])} for bytes whose SHA-256 the caller already holds. */
    public CompiledTable compile(TableTemplate template, byte[] bytes, String sha) {
        CompiledTable cached = cache.get(sha + template.code());
        if (cached != null) {
            return cached;
        }
        CompiledTable compiled = compileUncached(template, bytes, sha);
        CompiledTable raced = cache.putIfAbsent(sha + template.code(), compiled);
        return raced == null ? compiled : raced;
    }

    /** Always compiles, for measurements; the result is not cached. */
    public CompiledTable compileUncached(TableTemplate template, byte[] bytes) {
        return compileUncached(template, bytes, sha256(bytes));
    }

    private CompiledTable compileUncached(TableTemplate template, byte[] bytes, String sha) {
        ParsedTable parsed = TableReader.read(template, bytes);
        String drl = toDrl(parsed);
        KieBase kieBase = build(List.of(drl), template.sheetName());
        return new CompiledTable(template, sha, parsed.rows(), drl, kieBase);
    }

    /** The DRL that Drools' decision-table compiler generates from a validated table. */
    static String toDrl(ParsedTable parsed) {
        DefaultRuleSheetListener listener = new DefaultRuleSheetListener();
        new ExcelParser(listener).parseWorkbook(parsed.normalized());
        return new SpreadsheetCompiler().listenerToString(listener);
    }

    /** Builds one knowledge base from DRL sources; builder errors are refused with the sheet row. */
    public static KieBase build(List<String> drls, String sheet) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (String drl : drls) {
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        }
        if (builder.hasErrors()) {
            List<TableProblem> problems = new ArrayList<>();
            for (KnowledgeBuilderError error : builder.getErrors()) {
                String message = error.getMessage();
                Matcher m = RULE_ROW.matcher(message);
                String cell = m.find() ? "row " + m.group(1) : null;
                problems.add(new TableProblem(sheet, cell, "rules that compile", message.strip()));
            }
            throw new TableRejectedException(problems);
        }
        return builder.newKieBase();
    }

    /**
     * Every message (error, warning, information) the Drools builder gives for these sources: a
     * shipped table must compile with none.
     */
    public static List<String> builderMessages(List<String> drls) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (String drl : drls) {
            builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        }
        return builder.getResults(ResultSeverity.values()).stream().map(Object::toString).toList();
    }

    public int cachedVersions() {
        return cache.size();
    }

    /** Forgets a compiled version so that its knowledge base can be collected. */
    public void evict(String sha256) {
        cache.keySet().removeIf(k -> k.startsWith(sha256));
        ruleSets.keySet().removeIf(k -> k.contains(sha256));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
