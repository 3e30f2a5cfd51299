package cn.huiyisheng.app.policy.web;

import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.app.policy.persistence.PolicyVersionRow;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.ApiProblem;
import cn.huiyisheng.app.web.ProblemType;
import cn.huiyisheng.app.web.Problems;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.compile.CompiledTable;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.table.TableRejectedException;
import cn.huiyisheng.rules.table.TableTemplates;
import cn.huiyisheng.rules.verify.TableVerifier;
import cn.huiyisheng.rules.verify.VerificationReport;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The catalogue: benefits, their versions, each version's spreadsheet, DRL and verification. */
@RestController
@RequestMapping("/api/benefits")
public class BenefitsController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final PolicyCatalog catalog;
    private final Clock clock;
    private final Problems problems;
    private final cn.huiyisheng.app.policy.PolicyDrafts drafts;

    public BenefitsController(PolicyCatalog catalog, Clock clock, Problems problems, cn.huiyisheng.app.policy.PolicyDrafts drafts) {
        this.catalog = catalog;
        this.clock = clock;
        this.problems = problems;
        this.drafts = drafts;
    }

    @Operation(summary = "A version as a folder in the policy-tables/ layout (zip: version.yaml, table.drl.xlsx, its cases),"
            + " to commit to the repository and ship / 导出版本（policy-tables目录格式）")
    @GetMapping(value = "/{code}/versions/{version}/export", produces = "application/zip")
    public ResponseEntity<byte[]> export(@PathVariable String code, @PathVariable int version) throws java.io.IOException {
        PolicyTable t = version(code, version);
        String folder = "policy-tables/" + t.code().folder() + "/" + t.validFrom() + "/";
        cn.huiyisheng.rules.catalog.PolicyTableDirectory.VersionFile meta = new cn.huiyisheng.rules.catalog.PolicyTableDirectory.VersionFile(
                t.code().name(), t.version(), t.validFrom(), t.publishedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime(),
                t.basis(), t.changeNote(), t.figures(), t.sources(), t.knownGaps());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(folder + cn.huiyisheng.rules.catalog.PolicyTableDirectory.METADATA));
            zip.write(cn.huiyisheng.rules.catalog.PolicyTableDirectory.yaml()
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsBytes(meta));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry(folder + cn.huiyisheng.rules.catalog.PolicyTableDirectory.SPREADSHEET));
            zip.write(t.bytes());
            zip.closeEntry();
            String cases = drafts.casesOfPublished(t.code(), t.version());
            if (cases != null) {
                // the version's own cases: to merge into the table's cases.yaml when committing
                zip.putNextEntry(new java.util.zip.ZipEntry(folder + cn.huiyisheng.rules.catalog.PolicyTableDirectory.CASES));
                zip.write(cases.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(t.code().folder() + "-v" + t.version() + ".zip").build().toString())
                .contentType(MediaType.parseMediaType("application/zip"))
                .body(out.toByteArray());
    }

    @Operation(summary = "The benefits and parameter tables with their versions / 待遇目录及各版本")
    @GetMapping
    public List<BenefitView> benefits() {
        return Arrays.stream(TableCode.values()).map(this::view).toList();
    }

    @Operation(summary = "One benefit's versions with effective period, status, basis and SHA-256 / 某项待遇的各版本")
    @GetMapping("/{code}/versions")
    public List<BenefitView.VersionView> versions(@PathVariable String code) {
        return view(table(code)).versions();
    }

    @Operation(summary = "Download a version's decision table (.xlsx) / 下载决策表")
    @GetMapping("/{code}/versions/{version}/spreadsheet")
    public ResponseEntity<byte[]> spreadsheet(@PathVariable String code, @PathVariable int version) {
        PolicyTable t = version(code, version);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(t.code().folder() + "-v" + t.version() + ".drl.xlsx").build().toString())
                .header(HttpHeaders.ETAG, "\"" + t.sha256() + "\"")
                .contentType(MediaType.parseMediaType(XLSX))
                .body(t.bytes());
    }

    @Operation(summary = "The DRL Drools generates from a version, for reviewers / 决策表生成的DRL规则")
    @GetMapping(value = "/{code}/versions/{version}/drl", produces = "text/plain;charset=UTF-8")
    public String drl(@PathVariable String code, @PathVariable int version) {
        return catalog.engine().compiled(version(code, version)).drl();
    }

    @Operation(summary = "Gaps, overlaps and rows that never fire in a version / 版本校验报告")
    @GetMapping("/{code}/versions/{version}/verification")
    public VerificationReport verification(@PathVariable String code, @PathVariable int version) {
        PolicyTable t = version(code, version);
        CompiledTable compiled = catalog.engine().compiled(t);
        return TableVerifier.verify(compiled.template(), compiled.rows(), t.knownGaps());
    }

    @Operation(summary = "Check a draft spreadsheet without publishing it / 校验决策表草稿（不发布）",
            description = "Send the .xlsx as the request body. 200 with its rows, DRL and verification; "
                    + "422 with every problem located by sheet and cell.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = XLSX,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary",
                                    description = "a workbook saved by Excel or LibreOffice Calc (at most 5 MB, no formulas)")),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary",
                                    description = "the same workbook, sent as plain bytes"))}))
    @PostMapping(value = "/{code}/drafts/check", consumes = {XLSX, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ResponseEntity<?> checkDraft(@PathVariable String code, @RequestBody byte[] spreadsheet) {
        TableCode table = table(code);
        try {
            CompiledTable compiled = new TableCompiler().compileUncached(TableTemplates.of(table), spreadsheet);
            VerificationReport report = TableVerifier.verify(compiled.template(), compiled.rows(), List.of());
            return ResponseEntity.ok(Map.of("sha256", compiled.sha256(), "rows", compiled.rows().size(),
                    "drl", compiled.drl(), "verification", report));
        } catch (TableRejectedException e) {
            List<Problem> problems = e.problems().stream().map(p -> new Problem(
                    p.sheet() + (p.cell() == null ? "" : "!" + p.cell()), "INVALID_CELL", p.message(), p.zh())).toList();
            return this.problems.answer(this.problems.of(ProblemType.SPREADSHEET_REFUSED, problems.size() + " problem(s)", problems)
                    .withSheet(e.grid()));
        }
    }

    private BenefitView view(TableCode code) {
        LocalDate today = LocalDate.now(clock);
        Integer inForce = catalog.catalog().inForce(code, today, clock.instant()).map(PolicyTable::version).orElse(null);
        List<PolicyVersionRow> rows = catalog.rows(code);
        List<BenefitView.VersionView> versions = rows.stream().map(r -> {
            PolicyTable t = catalog.version(code, r.getVersionNo()).orElse(null);
            LocalDate until = t == null ? null : catalog.catalog().validUntilExclusive(t, clock.instant())
                    .map(d -> d.minusDays(1)).orElse(null);
            String base = "/api/benefits/" + code.name() + "/versions/" + r.getVersionNo();
            return new BenefitView.VersionView(code.name() + "-v" + r.getVersionNo(), r.getVersionNo(), r.getStatus(),
                    r.getValidFrom(), until, r.getPublishedAt(), r.getWithdrawnAt(), r.getAuthor(), r.getApprover(),
                    t == null ? null : t.basis(), r.getChangeNote(), r.getFigures(),
                    t == null ? List.of() : t.sources(), t == null ? List.of() : t.knownGaps(), r.getSha256(),
                    base + "/spreadsheet", base + "/drl");
        }).toList();
        return new BenefitView(code.name(), code.zh(), code.en(), code.periodicity().name(), inForce, versions);
    }

    private static TableCode table(String code) {
        return TableCode.parse(code).orElseThrow(() -> new ApiErrors.NotFound("no benefit or table '" + code
                + "'; known: " + Arrays.toString(TableCode.values())));
    }

    private PolicyTable version(String code, int version) {
        TableCode table = table(code);
        return catalog.version(table, version)
                .orElseThrow(() -> new ApiErrors.NotFound(table + " has no published version " + version));
    }

}
