package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.identity.CurrentUser;
import cn.huiyisheng.app.identity.Role;
import cn.huiyisheng.app.policy.persistence.PolicyDraftMapper;
import cn.huiyisheng.app.policy.persistence.PolicyDraftRow;
import cn.huiyisheng.app.policy.persistence.PolicyVersionMapper;
import cn.huiyisheng.app.policy.persistence.PolicyVersionRow;
import cn.huiyisheng.app.web.ApiErrors;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.app.web.Forbidden;
import cn.huiyisheng.rules.catalog.FigureSource;
import cn.huiyisheng.rules.catalog.PolicyTable;
import cn.huiyisheng.rules.compile.CompiledTable;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.table.TableRejectedException;
import cn.huiyisheng.rules.table.TableTemplates;
import cn.huiyisheng.rules.verify.TableVerifier;
import cn.huiyisheng.rules.verify.VerificationReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table version's way from a spreadsheet to publication: a policy staff member uploads a draft
 * with its metadata (and may upload again until submitting it), submits it, and another policy
 * staff member approves it (it becomes the table's next published version, known to every node
 * {@link PolicyCatalog#PUBLICATION_DELAY} later) or returns it with a comment. The author can
 * never decide their own draft: the service refuses it, and so does the database
 * ({@code ck_policy_draft_two_people}, {@code ck_policy_version_two_people}). Every step is in the
 * security trail with who, when and from which address.
 */
@Service
public class PolicyDrafts {

    /** What a draft is: its status. */
    public enum Status { DRAFT, IN_REVIEW, RETURNED, PUBLISHED, DISCARDED }

    /** The metadata of an upload, as given (checked by {@link #check}). */
    public record Metadata(String benefit, String validFrom, String basisDocument, String basisClause, String changeNote,
                           String figures, List<String> sources) {
    }

    /** A draft with what its checks found. */
    public record Draft(PolicyDraftRow row, TableCode code, VerificationReport verification, PolicyTable replaces, boolean retroactive) {
    }

    static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final PolicyDraftMapper drafts;
    private final PolicyVersionMapper versions;
    private final PolicyCatalog catalog;
    private final SecurityTrail trail;
    private final ObjectMapper json;
    private final Clock clock;

    private final PolicyCaseFiles caseFiles;

    public PolicyDrafts(PolicyDraftMapper drafts, PolicyVersionMapper versions, PolicyCatalog catalog, SecurityTrail trail,
                        ObjectMapper json, Clock clock, PolicyCaseFiles caseFiles) {
        this.caseFiles = caseFiles;
        this.drafts = drafts;
        this.versions = versions;
        this.catalog = catalog;
        this.trail = trail;
        this.json = json;
        this.clock = clock;
    }

    /** Uploads a new draft; a refused upload stores nothing and names every problem (field, or sheet and cell). */
    @Transactional
    public Draft create(CurrentUser user, Metadata metadata, byte[] spreadsheet) {
        staff(user);
        Checked checked = check(metadata, spreadsheet);
        Instant now = clock.instant();
        PolicyDraftRow row = new PolicyDraftRow();
        row.setTableCode(checked.code().name());
        row.setStatus(Status.DRAFT.name());
        checked.fill(row, json);
        row.setSpreadsheet(spreadsheet);
        row.setAuthor(user.username());
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.setRevision(1);
        drafts.insert(row);
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + row.getId(),
                "DRAFT_UPLOADED " + checked.code() + " valid from " + checked.validFrom() + ", SHA-256 " + checked.compiled().sha256());
        return view(drafts.find(row.getId()));
    }

    /** A new upload of an open draft by its author, who saw {@code revision} (a stale revision is a conflict, not a silent overwrite). */
    @Transactional
    public Draft replace(CurrentUser user, long id, int revision, Metadata metadata, byte[] spreadsheet) {
        staff(user);
        PolicyDraftRow existing = require(id);
        Checked checked = check(metadata, spreadsheet);
        if (!checked.code().name().equals(existing.getTableCode())) {
            throw new BadInput("benefit", "INVALID_VALUE", "a draft stays a draft of " + existing.getTableCode()
                    + "; upload a new draft for another table", "草稿所属的待遇不能更改");
        }
        PolicyDraftRow row = new PolicyDraftRow();
        row.setId(id);
        row.setAuthor(user.username());
        row.setRevision(revision);
        checked.fill(row, json);
        row.setSpreadsheet(spreadsheet);
        row.setUpdatedAt(clock.instant());
        if (drafts.replace(row) != 1) {
            throw refusal(user, existing, "replace", revision);
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + id,
                "DRAFT_REPLACED revision " + (revision + 1) + ", SHA-256 " + checked.compiled().sha256());
        return view(drafts.find(id));
    }

    /** The draft's own cases (YAML in the cases.yaml format), by its author while it is open; refused with the line and column. */
    @Transactional
    public Draft setCases(CurrentUser user, long id, byte[] yaml) {
        staff(user);
        PolicyDraftRow existing = require(id);
        if (yaml == null || yaml.length == 0) {
            throw new BadInput("cases", "REQUIRED", "the cases as YAML (the cases.yaml format)", "请提供测试用例（YAML）");
        }
        if (yaml.length > 256 * 1024) {
            throw new BadInput("cases", "TOO_LARGE", "at most 256 KB of cases", "测试用例最多256 KB");
        }
        try {
            cn.huiyisheng.rules.cases.PolicyCases.parse(yaml, TableCode.valueOf(existing.getTableCode()));
        } catch (cn.huiyisheng.rules.cases.PolicyCases.Refused e) {
            throw new BadInput(e.where(), "INVALID_CASES", e.getMessage(), "测试用例有误：" + e.getMessage());
        }
        if (drafts.setCases(id, user.username(), new String(yaml, java.nio.charset.StandardCharsets.UTF_8), clock.instant()) != 1) {
            throw refusal(user, existing, "change", null);
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + id, "DRAFT_CASES_SET");
        return view(drafts.find(id));
    }

    /** Adds one case (the console's small form) to the draft's cases; refused with the field when the case or the file would be wrong. */
    public Draft addCase(CurrentUser user, long id, cn.huiyisheng.rules.cases.PolicyCases.NewCase c) {
        staff(user);
        PolicyDraftRow existing = require(id);
        TableCode code = TableCode.valueOf(existing.getTableCode());
        byte[] own = existing.getCasesYaml() == null ? null : existing.getCasesYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] yaml;
        try {
            yaml = cn.huiyisheng.rules.cases.PolicyCases.withCase(own, caseFiles.shipped(code), code, c);
        } catch (cn.huiyisheng.rules.cases.PolicyCases.Refused e) {
            throw new BadInput(e.where(), "INVALID_CASE", e.getMessage(), "测试用例有误：" + e.getMessage());
        }
        return setCases(user, id, yaml);
    }

    /** The households a new case of the draft may name: its own cases', then the benefit's shipped cases'. */
    public List<String> caseHouseholds(long id) {
        PolicyDraftRow d = require(id);
        byte[] own = d.getCasesYaml() == null ? null : d.getCasesYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return cn.huiyisheng.rules.cases.PolicyCases.households(own, caseFiles.shipped(TableCode.valueOf(d.getTableCode())));
        } catch (cn.huiyisheng.rules.cases.PolicyCases.Refused e) {
            return List.of();
        }
    }

    /** The checks of a draft: the benefit's shipped cases and the draft's own, on the catalogue as it would be with the draft published. */
    public record Checks(@io.swagger.v3.oas.annotations.media.Schema(description = "the version the draft would become") String asVersion,
                         List<cn.huiyisheng.rules.cases.PolicyCases.Outcome> shipped,
                         List<cn.huiyisheng.rules.cases.PolicyCases.Outcome> own,
                         @io.swagger.v3.oas.annotations.media.Schema(description = "dates the draft's own cases must cover and do not:"
                                 + " the day before validFrom and validFrom") List<LocalDate> missing,
                         boolean passed) {
    }

    /**
     * A draft as it would be published at {@code at}: the table's next version, known from then.
     *
     * @param revision the draft's upload revision the table is made of
     * @param status   the draft's state in the review
     */
    public record AsPublished(long draftId, int revision, String status, PolicyTable table) {
    }

    /** The draft as it would be published at {@code at}, for a check or a simulation (never for a decision). */
    public AsPublished asPublished(long id, Instant at) {
        PolicyDraftRow d = require(id);
        TableCode code = TableCode.valueOf(d.getTableCode());
        byte[] bytes = workbook(id);
        Integer max = versions.maxVersion(code.name());
        int next = max == null ? 1 : max + 1;
        PolicyTable table = new PolicyTable(code, next, d.getValidFrom(), at, null,
                new cn.huiyisheng.rules.catalog.LegalBasis(d.getBasisDocument(), d.getBasisClause()), d.getChangeNote(),
                FigureSource.valueOf(d.getFigures()), sources(d), List.of(), bytes, d.getSha256());
        return new AsPublished(id, d.getRevision(), d.getStatus(), table);
    }

    public Checks checks(long id) {
        PolicyDraftRow d = require(id);
        Instant now = clock.instant();
        PolicyTable asPublished = asPublished(id, now).table();
        TableCode code = asPublished.code();
        int next = asPublished.version();
        cn.huiyisheng.rules.engine.Engine engine = catalog.simulate(asPublished);
        byte[] shippedYaml = caseFiles.shipped(code);
        List<cn.huiyisheng.rules.cases.PolicyCases.Outcome> shipped = new ArrayList<>(shippedYaml == null ? List.of()
                : cn.huiyisheng.rules.cases.PolicyCases.run(engine, now, code, cn.huiyisheng.rules.cases.PolicyCases.parse(shippedYaml, code)));
        // and the cases every published version came with, named by their version
        for (cn.huiyisheng.app.policy.persistence.PolicyCaseFileMapper.CaseFile f : caseFiles.ofVersions(code)) {
            String prefix = code + "-v" + f.versionNo() + ": ";
            for (cn.huiyisheng.rules.cases.PolicyCases.Outcome o : cn.huiyisheng.rules.cases.PolicyCases.run(engine, now, code,
                    cn.huiyisheng.rules.cases.PolicyCases.parse(f.casesYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8), code))) {
                shipped.add(new cn.huiyisheng.rules.cases.PolicyCases.Outcome(prefix + o.name(), o.asOf(), o.period(), o.passed(),
                        o.mismatches()));
            }
        }
        cn.huiyisheng.rules.cases.PolicyCases.CaseFile own = d.getCasesYaml() == null ? null
                : cn.huiyisheng.rules.cases.PolicyCases.parse(d.getCasesYaml().getBytes(java.nio.charset.StandardCharsets.UTF_8), code);
        List<cn.huiyisheng.rules.cases.PolicyCases.Outcome> ownOutcomes = own == null ? List.of()
                : cn.huiyisheng.rules.cases.PolicyCases.run(engine, now, code, own);
        List<LocalDate> missing = cn.huiyisheng.rules.cases.PolicyCases.missingAround(d.getValidFrom(), own);
        boolean passed = missing.isEmpty() && shipped.stream().allMatch(cn.huiyisheng.rules.cases.PolicyCases.Outcome::passed)
                && ownOutcomes.stream().allMatch(cn.huiyisheng.rules.cases.PolicyCases.Outcome::passed);
        return new Checks(code + "-v" + next, shipped, ownOutcomes, missing, passed);
    }

    /** Submits a draft for approval: its author, with every case passing and the dates around validFrom covered. */
    @Transactional
    public Draft submit(CurrentUser user, long id) {
        staff(user);
        PolicyDraftRow existing = require(id);
        if (existing.getAuthor().equals(user.username()) && (Status.DRAFT.name().equals(existing.getStatus())
                || Status.RETURNED.name().equals(existing.getStatus()))) {
            Checks checks = checks(id);
            if (!checks.passed()) {
                long failing = java.util.stream.Stream.concat(checks.shipped().stream(), checks.own().stream()).filter(o -> !o.passed()).count();
                throw new Conflict("CHECKS_FAILING", failing + " case(s) failing" + (checks.missing().isEmpty() ? ""
                        : "; cases missing on " + checks.missing()) + ": see /api/policy/drafts/" + id + "/checks");
            }
        }
        if (drafts.submit(id, user.username(), clock.instant()) != 1) {
            throw refusal(user, existing, "submit", null);
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + id, "DRAFT_SUBMITTED");
        return view(drafts.find(id));
    }

    @Transactional
    public Draft discard(CurrentUser user, long id) {
        staff(user);
        PolicyDraftRow existing = require(id);
        if (drafts.discard(id, user.username(), clock.instant()) != 1) {
            throw refusal(user, existing, "discard", null);
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + id, "DRAFT_DISCARDED");
        return view(drafts.find(id));
    }

    /** Returns a submitted draft to its author with a comment (by someone else). */
    @Transactional
    public Draft returnToAuthor(CurrentUser user, long id, String comment) {
        staff(user);
        PolicyDraftRow existing = require(id);
        String why = comment(comment, true);
        notTheAuthor(user, existing);
        if (drafts.decide(id, Status.RETURNED.name(), user.username(), clock.instant(), why, null) != 1) {
            throw refusal(user, existing, "return", null);
        }
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + id, "DRAFT_RETURNED");
        return view(drafts.find(id));
    }

    /**
     * Approves a submitted draft (by someone else): it becomes the table's next version, published
     * as known from {@link PolicyCatalog#PUBLICATION_DELAY} after now, on every node.
     */
    @Transactional
    public Draft approve(CurrentUser user, long id, String comment) {
        staff(user);
        PolicyDraftRow d = require(id);
        String note = comment(comment, false);
        notTheAuthor(user, d);
        if (!Status.IN_REVIEW.name().equals(d.getStatus())) {
            throw refusal(user, d, "approve", null);
        }
        TableCode code = TableCode.valueOf(d.getTableCode());
        byte[] bytes = workbook(id);
        Integer max = versions.maxVersion(code.name());
        int next = max == null ? 1 : max + 1;
        Instant now = clock.instant();
        PolicyVersionRow v = new PolicyVersionRow();
        v.setTableCode(code.name());
        v.setVersionNo(next);
        v.setStatus("PUBLISHED");
        v.setValidFrom(d.getValidFrom());
        v.setPublishedAt(now.plus(PolicyCatalog.PUBLICATION_DELAY));
        v.setAuthor(d.getAuthor());
        v.setApprover(user.username());
        v.setSha256(TableCompiler.sha256(bytes));
        v.setBasisDocument(d.getBasisDocument());
        v.setBasisClause(d.getBasisClause());
        v.setChangeNote(d.getChangeNote());
        v.setFigures(d.getFigures());
        v.setSourcesJson(d.getSourcesJson());
        v.setKnownGapsJson("[]");
        v.setSpreadsheet(bytes);
        v.setCreatedAt(now);
        try {
            versions.insert(v);
        } catch (DuplicateKeyException raced) {
            throw new Conflict("VERSION_TAKEN", code + "-v" + next + " was published a moment ago by another approval; approve again");
        }
        if (drafts.decide(id, Status.PUBLISHED.name(), user.username(), now, note, next) != 1) {
            throw refusal(user, d, "approve", null);
        }
        caseFiles.recordVersion(code, next, d.getCasesYaml()); // the version's cases, part of its record
        trail.record(user.username(), SecurityTrail.Type.POLICY_CHANGE, "OK", "draft " + id,
                "DRAFT_APPROVED published as " + code + "-v" + next + ", valid from " + d.getValidFrom() + ", known from "
                        + v.getPublishedAt());
        catalog.refreshAfterCommit(); // this node at once; the others within half a second
        return view(drafts.find(id));
    }

    /**
     * A draft compared with a published version: rows by row id, cell by cell; by effect, the regions of facts
     * whose outcome changes (and those that stay); and the DRL's changed lines.
     */
    public record Diff(String against, cn.huiyisheng.rules.verify.TableDiff rows, cn.huiyisheng.rules.verify.TableEffect effect,
                       List<String> drl) {
    }

    /** The draft against {@code version} (by default the version it replaces: in force on its validFrom as known now). */
    public Diff diff(long id, Integer version) {
        Draft d = view(require(id), false);
        PolicyTable against = version == null ? d.replaces() : catalog.version(d.code(), version)
                .orElseThrow(() -> new BadInput("against", "UNKNOWN_VERSION", d.code() + " has no published version " + version,
                        "没有该已发布版本"));
        CompiledTable draft = compiled(d.code(), workbook(id));
        CompiledTable old = against == null ? null : catalog.engine().compiled(against);
        cn.huiyisheng.rules.verify.TableDiff rows = cn.huiyisheng.rules.verify.TableDiff.of(draft.template(),
                old == null ? List.of() : old.rows(), draft.rows());
        List<String> drl = cn.huiyisheng.rules.verify.LineDiff.changes(
                cn.huiyisheng.rules.verify.LineDiff.of(old == null ? "" : old.drl(), draft.drl()), 3).stream()
                .map(cn.huiyisheng.rules.verify.LineDiff.Line::toString).toList();
        cn.huiyisheng.rules.verify.TableEffect effect = cn.huiyisheng.rules.verify.TableEffect.of(draft.template(),
                old == null ? List.of() : old.rows(), draft.rows());
        return new Diff(against == null ? null : against.id(), rows, effect, drl);
    }

    /** The cases of the draft a published version came from (null for a shipped version, or a draft without cases). */
    public String casesOfPublished(TableCode code, int version) {
        String recorded = caseFiles.ofVersion(code, version);
        if (recorded != null) {
            return recorded;
        }
        PolicyDraftRow d = drafts.findPublishedAs(code.name(), version); // published before the cases were recorded (V21)
        return d == null ? null : d.getCasesYaml();
    }

    public Draft find(long id) {
        return view(require(id));
    }

    public byte[] spreadsheet(long id) {
        require(id);
        return workbook(id);
    }

    public List<Draft> list(String benefit, String status) {
        TableCode code = benefit == null || benefit.isBlank() ? null : TableCode.parse(benefit)
                .orElseThrow(() -> new BadInput("benefit", "UNKNOWN_BENEFIT", "unknown benefit '" + benefit + "'", "未知的待遇代码"));
        Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadInput("status", "INVALID_VALUE", "one of " + Arrays.toString(Status.values()), "状态无效");
            }
        }
        // a list shows no verification: it would read and compile every listed draft's workbook
        return drafts.list(code == null ? null : code.name(), s == null ? null : s.name(), 200).stream()
                .map(row -> view(row, false)).toList();
    }

    private Draft view(PolicyDraftRow row) {
        return view(row, true);
    }

    private Draft view(PolicyDraftRow row, boolean verified) {
        TableCode code = TableCode.valueOf(row.getTableCode());
        VerificationReport report = null;
        if (verified) {
            try {
                CompiledTable compiled = compiled(code, workbook(row.getId()));
                report = TableVerifier.verify(compiled.template(), compiled.rows(), List.of());
            } catch (TableRejectedException e) {
                // a stored draft compiled when it was uploaded; a compiler that changed since says so here
            }
        }
        PolicyTable replaces = catalog.catalog().inForce(code, row.getValidFrom(), clock.instant()).orElse(null);
        return new Draft(row, code, report, replaces, row.getValidFrom().isBefore(LocalDate.now(clock)));
    }

    /** The sources of a draft's figures, as stored. */
    public List<String> sources(PolicyDraftRow row) {
        try {
            return Arrays.asList(json.readValue(row.getSourcesJson(), String[].class));
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private byte[] workbook(long id) {
        PolicyDraftRow row = drafts.workbook(id);
        return row == null ? null : row.getSpreadsheet();
    }

    private PolicyDraftRow require(long id) {
        PolicyDraftRow row = drafts.find(id);
        if (row == null) {
            throw new ApiErrors.NotFound("no draft " + id);
        }
        return row;
    }

    private void staff(CurrentUser user) {
        requireStaff(user, trail, "policy drafts");
    }

    /** Refuses (and records) a user without the role POLICY_STAFF, whatever path reached the policy services. */
    public static void requireStaff(CurrentUser user, SecurityTrail trail, String target) {
        if (!user.has(Role.POLICY_STAFF)) {
            trail.refused(user.username(), target, "NOT_POLICY_STAFF");
            throw new Forbidden("NOT_POLICY_STAFF", user.username() + " does not hold the role POLICY_STAFF");
        }
    }

    private void notTheAuthor(CurrentUser user, PolicyDraftRow d) {
        if (d.getAuthor().equals(user.username())) {
            trail.refused(user.username(), "draft " + d.getId(), "OWN_DRAFT");
            throw new Forbidden("OWN_DRAFT", "the author of a draft cannot approve or return it: another policy staff member must");
        }
    }

    /** Why a conditional update matched nothing, from the draft as it is now. */
    private RuntimeException refusal(CurrentUser user, PolicyDraftRow before, String action, Integer revision) {
        PolicyDraftRow now = drafts.find(before.getId());
        String status = now == null ? "GONE" : now.getStatus();
        if (!action.equals("approve") && !action.equals("return") && !before.getAuthor().equals(user.username())) {
            trail.refused(user.username(), "draft " + before.getId(), "NOT_THE_AUTHOR");
            return new Forbidden("NOT_THE_AUTHOR", "only the author (" + before.getAuthor() + ") can " + action + " this draft");
        }
        if (revision != null && now != null && now.getRevision() != revision && !status.equals(Status.IN_REVIEW.name())) {
            return new Conflict("STALE_REVISION", "the draft is at revision " + now.getRevision() + ", not " + revision
                    + ": someone uploaded since; reload it and upload again");
        }
        return new Conflict("DRAFT_" + status, "draft " + before.getId() + " is " + status + ": it cannot be " + action
                + (action.endsWith("e") ? "d" : "ed") + " now");
    }

    private static String comment(String comment, boolean required) {
        if (comment == null || comment.isBlank()) {
            if (required) {
                throw new BadInput("comment", "REQUIRED", "returning a draft needs a comment its author will read", "退回草稿须填写意见");
            }
            return null;
        }
        if (comment.length() > 2000) {
            throw new BadInput("comment", "TOO_LONG", "at most 2000 characters", "意见最多2000字");
        }
        return comment.strip();
    }

    /** A checked upload: the table, its metadata and the compiled spreadsheet. */
    record Checked(TableCode code, LocalDate validFrom, Metadata metadata, FigureSource figures, List<String> sources,
                   CompiledTable compiled) {
        void fill(PolicyDraftRow row, ObjectMapper json) {
            row.setValidFrom(validFrom);
            row.setBasisDocument(metadata.basisDocument().strip());
            row.setBasisClause(metadata.basisClause().strip());
            row.setChangeNote(metadata.changeNote().strip());
            row.setFigures(figures.name());
            try {
                row.setSourcesJson(json.writeValueAsString(sources));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            row.setSha256(compiled.sha256());
            row.setRowsCount(compiled.rows().size());
        }
    }

    /** Every problem of an upload at once: the metadata by field, the spreadsheet by sheet and cell. */
    Checked check(Metadata m, byte[] spreadsheet) {
        List<Problem> problems = new ArrayList<>();
        TableCode code = null;
        if (m.benefit() == null || m.benefit().isBlank()) {
            problems.add(new Problem("benefit", "REQUIRED", "the benefit or table the draft is for", "请选择待遇"));
        } else {
            code = TableCode.parse(m.benefit().strip()).orElse(null);
            if (code == null) {
                problems.add(new Problem("benefit", "UNKNOWN_BENEFIT", "unknown benefit '" + m.benefit() + "'; known: "
                        + Arrays.toString(TableCode.values()), "未知的待遇代码"));
            }
        }
        LocalDate validFrom = null;
        if (m.validFrom() == null || m.validFrom().isBlank()) {
            problems.add(new Problem("validFrom", "REQUIRED", "the date from which the version applies (yyyy-mm-dd)", "请填写生效日期"));
        } else {
            try {
                validFrom = LocalDate.parse(m.validFrom().strip());
                if (validFrom.isBefore(EARLIEST) || validFrom.isAfter(LATEST)) {
                    problems.add(new Problem("validFrom", "OUT_OF_RANGE", "a date from " + EARLIEST + " to " + LATEST, "生效日期超出范围"));
                    validFrom = null;
                }
            } catch (java.time.format.DateTimeParseException e) {
                problems.add(new Problem("validFrom", "INVALID_DATE", "a date as yyyy-mm-dd, not '" + m.validFrom() + "'", "日期格式应为yyyy-mm-dd"));
            }
        }
        text(problems, "basisDocument", m.basisDocument(), 512, "法律依据（文件）");
        text(problems, "basisClause", m.basisClause(), 256, "法律依据（条款）");
        text(problems, "changeNote", m.changeNote(), 2000, "修改说明");
        FigureSource figures = null;
        if (m.figures() == null || m.figures().isBlank()) {
            problems.add(new Problem("figures", "REQUIRED", "one of " + Arrays.toString(FigureSource.values()), "请选择金额来源"));
        } else {
            try {
                figures = FigureSource.valueOf(m.figures().strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("figures", "INVALID_VALUE", "one of " + Arrays.toString(FigureSource.values()), "金额来源无效"));
            }
        }
        List<String> sources = m.sources() == null ? List.of() : m.sources().stream().filter(s -> s != null && !s.isBlank())
                .map(String::strip).toList();
        if (sources.size() > 20) {
            problems.add(new Problem("sources", "TOO_MANY", "at most 20 sources", "来源最多20条"));
        }
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).length() > 500) {
                problems.add(new Problem("sources[" + i + "]", "TOO_LONG", "at most 500 characters", "每条来源最多500字"));
            }
        }
        if (figures == FigureSource.SOURCED && sources.isEmpty()) {
            problems.add(new Problem("sources", "REQUIRED", "figures marked SOURCED name at least one source", "金额标为有出处时须注明来源"));
        }
        CompiledTable compiled = null;
        cn.huiyisheng.rules.table.SheetGrid refusedSheet = null;
        if (spreadsheet == null || spreadsheet.length == 0) {
            problems.add(new Problem("spreadsheet", "REQUIRED", "the decision table as an .xlsx file", "请上传决策表（.xlsx）"));
        } else if (code != null) {
            try {
                compiled = compiled(code, spreadsheet);
            } catch (TableRejectedException e) {
                e.problems().forEach(p -> problems.add(new Problem("spreadsheet:" + p.sheet() + (p.cell() == null ? "" : "!" + p.cell()),
                        "INVALID_CELL", p.message(), p.zh())));
                refusedSheet = e.grid();
            }
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems, refusedSheet);
        }
        return new Checked(code, validFrom, m, figures, sources, compiled);
    }

    private static void text(List<Problem> problems, String field, String value, int max, String zh) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "REQUIRED", "this field is required", zh + "为必填项"));
        } else if (value.strip().length() > max) {
            problems.add(new Problem(field, "TOO_LONG", "at most " + max + " characters", zh + "最多" + max + "字"));
        }
    }

    /** A draft's compilation, by table and SHA-256: the last few, so that a draft's page does not compile it each time. */
    private CompiledTable compiled(TableCode code, byte[] bytes) {
        String key = code + ":" + TableCompiler.sha256(bytes);
        synchronized (recent) {
            CompiledTable hit = recent.get(key);
            if (hit != null) {
                return hit;
            }
        }
        CompiledTable compiled = compiler.compileUncached(TableTemplates.of(code), bytes);
        synchronized (recent) {
            recent.put(key, compiled);
        }
        return compiled;
    }

    private final TableCompiler compiler = new TableCompiler();
    private final java.util.Map<String, CompiledTable> recent = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, CompiledTable> eldest) {
            return size() > 16;
        }
    };
}
