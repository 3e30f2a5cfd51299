package cn.huiyisheng.app.policy;

import cn.huiyisheng.app.policy.persistence.PolicyCaseFileMapper;
import cn.huiyisheng.rules.compile.TableCompiler;
import cn.huiyisheng.rules.facts.TableCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/**
 * The benefits' test cases as part of the catalogue's record. Each start records the shipped
 * cases.yaml of every table whose content it has not seen (so a shipped file changed by a release is
 * kept beside the one before); an approval records the cases the published version came with. A
 * draft's checks run the latest shipped file and every published version's cases.
 */
@Component
public class PolicyCaseFiles {

    private static final Logger log = LoggerFactory.getLogger(PolicyCaseFiles.class);
    static final String SHIPPED = "SHIPPED";
    static final String VERSION = "VERSION";

    private final PolicyCaseFileMapper files;
    private final Clock clock;

    public PolicyCaseFiles(PolicyCaseFileMapper files, Clock clock) {
        this.files = files;
        this.clock = clock;
        int recorded = 0;
        for (TableCode code : TableCode.values()) {
            byte[] yaml = ShippedTables.cases(code);
            if (yaml != null && record(code, SHIPPED, 0, new String(yaml, StandardCharsets.UTF_8))) {
                recorded++;
            }
        }
        if (recorded > 0) {
            log.info("Policy cases: the shipped cases of {} tables recorded", recorded);
        }
    }

    /** Records a case file unless the same content is there already (two nodes starting at once record it once). */
    boolean record(TableCode code, String source, int versionNo, String yaml) {
        String sha = TableCompiler.sha256(yaml.getBytes(StandardCharsets.UTF_8));
        if (files.exists(code.name(), source, versionNo, sha)) {
            return false;
        }
        try {
            files.insert(new PolicyCaseFileMapper.CaseFile(code.name(), source, versionNo, sha, yaml), clock.instant());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** The cases a version published from a draft came with, in the approval's transaction. */
    void recordVersion(TableCode code, int versionNo, String yaml) {
        if (yaml != null && !yaml.isBlank()) {
            record(code, VERSION, versionNo, yaml);
        }
    }

    /** The table's shipped cases as recorded (the jar's, should the database have none), or null. */
    byte[] shipped(TableCode code) {
        PolicyCaseFileMapper.CaseFile f = files.shipped(code.name());
        return f != null ? f.casesYaml().getBytes(StandardCharsets.UTF_8) : ShippedTables.cases(code);
    }

    /** The cases of the table's published versions not withdrawn. */
    List<PolicyCaseFileMapper.CaseFile> ofVersions(TableCode code) {
        return files.ofVersions(code.name());
    }

    /** A published version's cases, or null. */
    String ofVersion(TableCode code, int versionNo) {
        PolicyCaseFileMapper.CaseFile f = files.ofVersion(code.name(), versionNo);
        return f == null ? null : f.casesYaml();
    }
}
