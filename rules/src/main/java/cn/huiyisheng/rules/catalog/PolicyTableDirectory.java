package cn.huiyisheng.rules.catalog;

import cn.huiyisheng.rules.facts.TableCode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the shipped versions from {@code policy-tables/}: one folder per table, one sub-folder per
 * version holding {@code version.yaml} (metadata) and {@code table.drl.xlsx} (the decision table).
 */
public final class PolicyTableDirectory {

    public static final String METADATA = "version.yaml";
    public static final String SPREADSHEET = "table.drl.xlsx";
    public static final String CASES = "cases.yaml";

    /** The metadata file of a version, as written by policy staff. */
    public record VersionFile(
            String table,
            int version,
            LocalDate validFrom,
            OffsetDateTime publishedAt,
            LegalBasis basis,
            String changeNote,
            FigureSource figures,
            List<String> sources,
            List<KnownGap> knownGaps) {
    }

    public static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The policy-tables folder: the system property {@code huiyisheng.policyTables}, else found upward from here. */
    public static Path locate() {
        String configured = System.getProperty("huiyisheng.policyTables");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("policy-tables"))) {
                return dir.resolve("policy-tables");
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no policy-tables folder found above " + Path.of("").toAbsolutePath());
    }

    public static List<PolicyTable> load(Path root) {
        ObjectMapper yaml = yaml();
        List<PolicyTable> tables = new ArrayList<>();
        try (Stream<Path> folders = Files.list(root)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                TableCode code = TableCode.fromFolder(folder.getFileName().toString()).orElseThrow(() ->
                        new IllegalStateException(folder + ": not the folder of a known table"));
                try (Stream<Path> versionDirs = Files.list(folder)) {
                    for (Path dir : versionDirs.filter(Files::isDirectory).sorted(Comparator.naturalOrder()).toList()) {
                        tables.add(read(yaml, code, dir));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }

    private static PolicyTable read(ObjectMapper yaml, TableCode code, Path dir) throws IOException {
        return read(code, dir.toString(), Files.readAllBytes(dir.resolve(METADATA)), Files.readAllBytes(dir.resolve(SPREADSHEET)));
    }

    /**
     * One version from its two files' contents (wherever they are stored: a folder, the classpath).
     *
     * @param where names the version's folder in error messages
     */
    public static PolicyTable read(TableCode code, String where, byte[] metadata, byte[] spreadsheet) {
        VersionFile meta;
        try {
            meta = yaml().readValue(metadata, VersionFile.class);
        } catch (IOException e) {
            throw new IllegalStateException(where + "/" + METADATA + ": " + e.getMessage(), e);
        }
        if (!code.name().equals(meta.table())) {
            throw new IllegalStateException(where + "/" + METADATA + ": table " + meta.table() + " in the folder of " + code);
        }
        if (meta.validFrom() == null || meta.publishedAt() == null || meta.version() < 1 || meta.figures() == null
                || meta.basis() == null || meta.changeNote() == null) {
            throw new IllegalStateException(where + "/" + METADATA
                    + ": version, validFrom, publishedAt, figures, basis and changeNote are required");
        }
        return new PolicyTable(code, meta.version(), meta.validFrom(), meta.publishedAt().toInstant(), null,
                meta.basis(), meta.changeNote(), meta.figures(), meta.sources(), meta.knownGaps(), spreadsheet, null);
    }
}
