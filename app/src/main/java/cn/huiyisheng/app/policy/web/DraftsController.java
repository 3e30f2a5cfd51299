package cn.huiyisheng.app.policy.web;

import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.app.policy.PolicyDrafts;
import cn.huiyisheng.app.policy.persistence.PolicyDraftRow;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.catalog.LegalBasis;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.verify.VerificationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Drafts of table versions, for policy staff: upload (multipart form: the metadata fields and the
 * workbook), upload again, submit, and the second person's approval or return.
 */
@RestController
@RequestMapping("/api/policy/drafts")
public class DraftsController {

    private final PolicyDrafts drafts;
    private final org.springframework.beans.factory.ObjectProvider<cn.huiyisheng.app.policy.DraftImpactFigures> impacts;

    public DraftsController(PolicyDrafts drafts,
                            org.springframework.beans.factory.ObjectProvider<cn.huiyisheng.app.policy.DraftImpactFigures> impacts) {
        this.drafts = drafts;
        this.impacts = impacts;
    }

    /** What a draft shows: its metadata, its state in the review, what its checks found, and what it would replace. */
    public record DraftView(long id, String benefit, String benefitZh, String status, int revision, LocalDate validFrom,
                            @Schema(description = "a validFrom before today: a retroactive correction") boolean retroactive,
                            LegalBasis basis, String changeNote, String figures, List<String> sources, String sha256, int rows,
                            String author, Instant createdAt, Instant updatedAt, Instant submittedAt, String reviewer, Instant decidedAt,
                            String reviewComment, Integer publishedVersion,
                            @Schema(description = "for a published draft: the instant from which every node evaluates with it")
                            Instant knownFrom,
                            @Schema(description = "the version in force on validFrom as known now, which this draft would follow")
                            String replaces, VerificationReport verification, String spreadsheet,
                            @Schema(description = "the sealed decisions this draft would change, from its latest impact simulation"
                                    + " on this revision (for a retroactive draft: the decisions already made that it corrects);"
                                    + " absent until a simulation of this revision is done") Long decisionsChanged,
                            @Schema(description = "the draft's impact simulation: POST to run it, GET for progress and figures")
                            String impact) {
    }

    /** A decision's comment. */
    public record Comment(@Schema(description = "what the author will read (required to return a draft; at most 2000 characters)",
            example = "请核对城镇独生子女死亡家庭的新标准出处") String comment) {
    }

    /** The form of an upload, for the API's documentation. */
    @Schema(description = "a draft upload: the metadata fields and the workbook")
    public record Upload(@Schema(example = "SPECIAL_SUPPORT") String benefit,
                         @Schema(example = "2027-01-01") String validFrom,
                         @Schema(example = "深圳市人口计生委 深人口计生发〔2012〕号") String basisDocument,
                         @Schema(example = "三(六)2") String basisClause,
                         @Schema(example = "特别扶助金城镇标准由每月340元调整为380元") String changeNote,
                         @Schema(example = "SOURCED", allowableValues = {"SOURCED", "UNSOURCED", "SAMPLE"}) String figures,
                         @Schema(description = "the sources of the figures, one field each") List<String> sources,
                         @Schema(description = "when uploading again: the revision the upload replaces", example = "1") Integer revision,
                         @Schema(type = "string", format = "binary", description = "the decision table (.xlsx, saved by Excel or LibreOffice Calc,"
                                 + " at most 5 MB, no formulas)") String spreadsheet) {
    }

    static final String UPLOAD_EXAMPLE = "benefit=SPECIAL_SUPPORT&validFrom=2027-01-01&basisDocument=…&basisClause=三(六)2"
            + "&changeNote=…&figures=SOURCED&sources=…&spreadsheet=(the .xlsx file)";

    @Operation(summary = "Upload a draft version of a table / 上传决策表草稿",
            description = "multipart/form-data; 201 with the draft and its verification; 400 naming every refused field or cell"
                    + " (spreadsheet:<sheet>!<cell>); nothing is stored when refused.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = Upload.class),
                    examples = @ExampleObject(name = "a raised amount", value = UPLOAD_EXAMPLE))))
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<DraftView> create(Authentication auth, @RequestParam(required = false) String benefit,
                                            @RequestParam(required = false) String validFrom,
                                            @RequestParam(required = false) String basisDocument,
                                            @RequestParam(required = false) String basisClause,
                                            @RequestParam(required = false) String changeNote,
                                            @RequestParam(required = false) String figures,
                                            @RequestParam(required = false) List<String> sources,
                                            @RequestParam(required = false) MultipartFile spreadsheet) {
        PolicyDrafts.Draft d = drafts.create(CurrentUser.of(auth),
                new PolicyDrafts.Metadata(benefit, validFrom, basisDocument, basisClause, changeNote, figures, sources), bytes(spreadsheet));
        DraftView view = view(d);
        return ResponseEntity.created(URI.create("/api/policy/drafts/" + view.id())).body(view);
    }

    @Operation(summary = "Upload a draft again (its author, until it is submitted) / 重新上传草稿",
            description = "the same form, with the revision the upload replaces; 409 when someone uploaded since",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = Upload.class),
                    examples = @ExampleObject(name = "a corrected cell", value = UPLOAD_EXAMPLE + "&revision=1"))))
    @PutMapping(value = "/{id}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public DraftView replace(Authentication auth, @PathVariable long id, @RequestParam(required = false) String benefit,
                             @RequestParam(required = false) String validFrom,
                             @RequestParam(required = false) String basisDocument,
                             @RequestParam(required = false) String basisClause,
                             @RequestParam(required = false) String changeNote,
                             @RequestParam(required = false) String figures,
                             @RequestParam(required = false) List<String> sources,
                             @RequestParam(required = false) String revision,
                             @RequestParam(required = false) MultipartFile spreadsheet) {
        int rev;
        try {
            rev = Integer.parseInt(revision == null ? "" : revision.strip());
        } catch (NumberFormatException e) {
            throw new BadInput("revision", revision == null ? "REQUIRED" : "INVALID_VALUE",
                    "the revision the upload replaces (a whole number, from the draft)", "请提供所替换的草稿版本号");
        }
        return view(drafts.replace(CurrentUser.of(auth), id, rev,
                new PolicyDrafts.Metadata(benefit, validFrom, basisDocument, basisClause, changeNote, figures, sources), bytes(spreadsheet)));
    }

    @Operation(summary = "Drafts, newest first / 草稿列表")
    @GetMapping
    public List<DraftView> list(@RequestParam(required = false) String benefit, @RequestParam(required = false) String status) {
        return drafts.list(benefit, status).stream().map(this::view).toList();
    }

    @Operation(summary = "A draft with its checks / 草稿详情及校验")
    @GetMapping("/{id}")
    public DraftView find(@PathVariable long id) {
        return view(drafts.find(id));
    }

    @Operation(summary = "What a draft changes: rows by row id, cell by cell, and the DRL's changed lines / 草稿与已发布版本的差异",
            description = "against: a published version number of the same table; by default the version the draft replaces"
                    + " (in force on its validFrom as known now)")
    @GetMapping("/{id}/diff")
    public PolicyDrafts.Diff diff(@PathVariable long id, @RequestParam(required = false) Integer against) {
        return drafts.diff(id, against);
    }

    static final String CASES_EXAMPLE = """
            table: SPECIAL_SUPPORT
            households:
              bereaved:
                applicant: {idNumber: "440304195803200249", name: 李梅, sex: FEMALE, birthDate: 1958-03-20,
                            registration: {type: URBAN_HUKOU}}
                children:
                  - {name: 王小明, sex: MALE, birthDate: 1985-04-01, birthOrder: 1, alive: false, deathDate: 2005-07-15}
            cases:
              - name: the day before the raise still pays 340
                household: bereaved
                asOf: 2039-12-31
                expect:
                  - {subject: applicant, eligible: true, amount: 340.00}
              - name: the raise pays 380 from its first day
                household: bereaved
                asOf: 2040-01-01
                expect:
                  - {subject: applicant, eligible: true, amount: 380.00}
            """;

    @Operation(summary = "Set a draft's own test cases, as YAML in the cases.yaml format (its author) / 设置草稿测试用例",
            description = "400 with the line and column of what cannot be read",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = "application/yaml", schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "around the raise", value = CASES_EXAMPLE)),
                    @Content(mediaType = "text/yaml", schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "around the raise", value = CASES_EXAMPLE)),
                    @Content(mediaType = MediaType.TEXT_PLAIN_VALUE, schema = @Schema(type = "string"),
                            examples = @ExampleObject(name = "around the raise", value = CASES_EXAMPLE))}))
    @PutMapping(value = "/{id}/cases", consumes = {"application/yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    public DraftView setCases(Authentication auth, @PathVariable long id, @RequestBody(required = false) byte[] yaml) {
        return view(drafts.setCases(CurrentUser.of(auth), id, yaml));
    }

    @Operation(summary = "A draft's own test cases, as YAML / 草稿测试用例")
    @GetMapping(value = "/{id}/cases", produces = "application/yaml;charset=UTF-8")
    public ResponseEntity<String> cases(@PathVariable long id) {
        String yaml = drafts.find(id).row().getCasesYaml();
        return yaml == null ? ResponseEntity.noContent().build() : ResponseEntity.ok(yaml);
    }

    @Operation(summary = "The draft's checks: the benefit's cases and its own on the catalogue as it would be with the draft published"
            + " / 草稿校验（测试用例）")
    @GetMapping("/{id}/checks")
    public PolicyDrafts.Checks checks(@PathVariable long id) {
        return drafts.checks(id);
    }

    @Operation(summary = "Download a draft's workbook / 下载草稿决策表")
    @GetMapping("/{id}/spreadsheet")
    public ResponseEntity<byte[]> spreadsheet(@PathVariable long id) {
        PolicyDrafts.Draft d = drafts.find(id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.code().folder() + "-draft-" + id + "-r" + d.row().getRevision() + ".drl.xlsx").build().toString())
                .header(HttpHeaders.ETAG, "\"" + d.row().getSha256() + "\"")
                .contentType(MediaType.parseMediaType(BenefitsController.XLSX))
                .body(drafts.spreadsheet(id));
    }

    @Operation(summary = "Submit a draft for approval (its author) / 提交审批")
    @PostMapping("/{id}/submit")
    public DraftView submit(Authentication auth, @PathVariable long id) {
        return view(drafts.submit(CurrentUser.of(auth), id));
    }

    @Operation(summary = "Discard an open draft (its author) / 放弃草稿")
    @PostMapping("/{id}/discard")
    public DraftView discard(Authentication auth, @PathVariable long id) {
        return view(drafts.discard(CurrentUser.of(auth), id));
    }

    @Operation(summary = "Approve and publish a submitted draft (another policy staff member) / 批准并发布",
            description = "the draft becomes the table's next version, known on every node from publishedAt (a moment after"
                    + " the approval); 403 for its own author",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Comment.class),
                    examples = @ExampleObject(name = "approved", value = "{\"comment\": \"已核对出处\"}"))))
    @PostMapping("/{id}/approve")
    public DraftView approve(Authentication auth, @PathVariable long id, @RequestBody(required = false) Comment comment) {
        return view(drafts.approve(CurrentUser.of(auth), id, comment == null ? null : comment.comment()));
    }

    @Operation(summary = "Return a submitted draft to its author with a comment (another policy staff member) / 退回草稿",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Comment.class),
                    examples = @ExampleObject(name = "returned", value = "{\"comment\": \"请注明新标准的文件出处\"}"))))
    @PostMapping("/{id}/return")
    public DraftView returnToAuthor(Authentication auth, @PathVariable long id, @RequestBody(required = false) Comment comment) {
        return view(drafts.returnToAuthor(CurrentUser.of(auth), id, comment == null ? null : comment.comment()));
    }

    private static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new BadInput("spreadsheet", "UNREADABLE", "the upload could not be read: " + e.getMessage(), "上传的文件无法读取");
        }
    }

    DraftView view(PolicyDrafts.Draft d) {
        PolicyDraftRow r = d.row();
        List<String> sources = drafts.sources(r);
        PolicyTable replaces = d.replaces();
        return new DraftView(r.getId(), r.getTableCode(), d.code().zh(), r.getStatus(), r.getRevision(), r.getValidFrom(), d.retroactive(),
                new LegalBasis(r.getBasisDocument(), r.getBasisClause()), r.getChangeNote(), r.getFigures(), sources, r.getSha256(),
                r.getRowsCount(), r.getAuthor(), r.getCreatedAt(), r.getUpdatedAt(), r.getSubmittedAt(), r.getReviewer(), r.getDecidedAt(),
                r.getReviewComment(), r.getPublishedVersion(),
                r.getPublishedVersion() == null ? null : r.getDecidedAt().plus(PolicyCatalog.PUBLICATION_DELAY), replaces == null ? null : replaces.id(), d.verification(),
                "/api/policy/drafts/" + r.getId() + "/spreadsheet", decisionsChanged(r), "/api/policy/drafts/" + r.getId() + "/impact");
    }

    private Long decisionsChanged(PolicyDraftRow r) {
        cn.huiyisheng.app.policy.DraftImpactFigures figures = impacts.getIfAvailable();
        if (figures == null) {
            return null;
        }
        java.util.OptionalLong n = figures.decisionsChanged(r.getId(), r.getRevision(), r.getSha256());
        return n.isPresent() ? n.getAsLong() : null;
    }
}
