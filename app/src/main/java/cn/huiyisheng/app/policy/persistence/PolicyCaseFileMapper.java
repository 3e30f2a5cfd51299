package cn.huiyisheng.app.policy.persistence;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

/** The benefits' test cases in the database: each table's shipped cases.yaml, and the cases each published version came with. */
@Mapper
public interface PolicyCaseFileMapper {

    /** A case file: the table's shipped one (source SHIPPED, version 0) or a published version's (VERSION). */
    record CaseFile(String tableCode, String source, int versionNo, String sha256, String casesYaml) {
    }

    @Select("SELECT COUNT(*) > 0 FROM policy_case_file WHERE table_code = #{code} AND source = #{source} AND version_no = #{version}"
            + " AND sha256 = #{sha}")
    boolean exists(@Param("code") String tableCode, @Param("source") String source, @Param("version") int versionNo,
                   @Param("sha") String sha256);

    @Insert("INSERT INTO policy_case_file (table_code, source, version_no, sha256, cases_yaml, recorded_at)"
            + " VALUES (#{f.tableCode}, #{f.source}, #{f.versionNo}, #{f.sha256}, #{f.casesYaml}, #{at})")
    int insert(@Param("f") CaseFile file, @Param("at") Instant at);

    /** The table's shipped cases, as the latest start recorded them. */
    @Select("SELECT table_code, source, version_no, sha256, cases_yaml FROM policy_case_file WHERE table_code = #{code}"
            + " AND source = 'SHIPPED' ORDER BY id DESC LIMIT 1")
    CaseFile shipped(@Param("code") String tableCode);

    /** The cases of the table's published versions still in force (not withdrawn), by version. */
    @Select("SELECT f.table_code, f.source, f.version_no, f.sha256, f.cases_yaml FROM policy_case_file f"
            + " JOIN policy_version v ON v.table_code = f.table_code AND v.version_no = f.version_no"
            + " WHERE f.table_code = #{code} AND f.source = 'VERSION' AND v.withdrawn_at IS NULL ORDER BY f.version_no")
    List<CaseFile> ofVersions(@Param("code") String tableCode);

    @Select("SELECT table_code, source, version_no, sha256, cases_yaml FROM policy_case_file WHERE table_code = #{code}"
            + " AND source = 'VERSION' AND version_no = #{version}")
    CaseFile ofVersion(@Param("code") String tableCode, @Param("version") int versionNo);
}
