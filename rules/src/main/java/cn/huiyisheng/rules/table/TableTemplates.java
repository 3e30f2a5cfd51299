package cn.huiyisheng.rules.table;

import cn.huiyisheng.rules.facts.CertificateStatus;
import cn.huiyisheng.rules.facts.ChildStatus;
import cn.huiyisheng.rules.facts.FamilyType;
import cn.huiyisheng.rules.facts.HardshipCategory;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.EmployerType;
import cn.huiyisheng.rules.household.MeasureType;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Sex;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static cn.huiyisheng.rules.table.Column.amount;
import static cn.huiyisheng.rules.table.Column.eq;
import static cn.huiyisheng.rules.table.Column.flag;
import static cn.huiyisheng.rules.table.Column.from;
import static cn.huiyisheng.rules.table.Column.max;
import static cn.huiyisheng.rules.table.Column.min;
import static cn.huiyisheng.rules.table.Column.oneOf;
import static cn.huiyisheng.rules.table.Column.payer;
import static cn.huiyisheng.rules.table.Column.rate;
import static cn.huiyisheng.rules.table.Column.rowId;
import static cn.huiyisheng.rules.table.Column.until;

/** The pinned template of every table. A change here is a developer's change, reviewed as code. */
public final class TableTemplates {

    private static final Map<TableCode, TableTemplate> TEMPLATES = new EnumMap<>(TableCode.class);

    static {
        put(TableCode.ONE_CHILD_HEALTH_FEE,
                oneOf("certificate", CertificateStatus.class, "光荣证状态", "certificate status"),
                min("certificateMonths", "领证后月数（最少）", "months since the certificate month, at least"),
                oneOf("familyType", FamilyType.class, "家庭类型", "family type"),
                oneOf("onlyChildStatus", ChildStatus.class, "独生子女状况", "only child's status"),
                max("childAge", "子女周岁（最多）", "child's age, at most"),
                oneOf("employerType", EmployerType.class, "工作单位类型", "employer type"),
                rowId(), amount("每月金额（元）", "amount per month, yuan"), payer());
        put(TableCode.REWARD_SUPPORT,
                min("age", "本人周岁（最少）", "own age, at least"),
                oneOf("familyType", FamilyType.class, "家庭类型", "family type"),
                flag("outOfPolicyBirth", "有政策外生育", "had a birth outside the policy"),
                rowId(), amount("每年金额（元）", "amount per year, yuan"), payer());
        put(TableCode.SPECIAL_SUPPORT,
                min("motherAge", "女方周岁（最少）", "mother's age, at least"),
                oneOf("familyType", FamilyType.class, "家庭类型", "family type"),
                oneOf("onlyChildStatus", ChildStatus.class, "独生子女状况", "only child's status"),
                max("disabilityGrade", "残疾等级（最高为几级）", "disability grade, at most"),
                flag("newChildSinceLoss", "此后再生育或收养", "a child born or adopted since"),
                oneOf("registration", RegistrationType.class, "户籍类型", "registration"),
                rowId(), amount("每月金额（元）", "amount per month, yuan"), payer());
        put(TableCode.RETIRED_PARENT_ALLOWANCE,
                oneOf("registration", RegistrationType.class, "户籍类型", "registration"),
                oneOf("familyType", FamilyType.class, "家庭类型", "family type"),
                from("childBirthDate", "子女出生日期（自）", "child born on or after"),
                until("childBirthDate", "子女出生日期（至）", "child born on or before"),
                oneOf("sex", Sex.class, "性别", "sex"),
                min("age", "本人周岁（最少）", "own age, at least"),
                rowId(), amount("每月金额（元）", "amount per month, yuan"), payer());
        put(TableCode.RETIREMENT_ONE_CHILD_REWARD,
                flag("retired", "已退休", "retired"),
                oneOf("certificate", CertificateStatus.class, "退休时光荣证状态", "certificate status at retirement"),
                flag("alreadyReceived", "已领取过", "already received"),
                oneOf("employerType", EmployerType.class, "工作单位类型", "employer type"),
                rowId(), rate("上年度社平工资比例", "share of the previous year's average wage"), payer());
        put(TableCode.CHILDLESS_RETIREE_SUBSIDY,
                flag("retired", "已退休", "retired"),
                max("livingChildren", "在世子女数（最多）", "living children, at most"),
                flag("outOfPolicyBirth", "有政策外生育", "had a birth outside the policy"),
                flag("alreadyReceived", "已领取过", "already received"),
                rowId(), amount("一次性金额（元）", "one-time amount, yuan"), payer());
        put(TableCode.LONG_ACTING_CONTRACEPTION_SUBSIDY,
                oneOf("measureType", MeasureType.class, "措施类型", "measure"),
                flag("certifiedProvider", "在有资质机构实施", "done at a certified provider"),
                max("measureMonth", "申请时为措施后第几个月（最多）", "claimed in month N after the measure, at most"),
                flag("alreadyReceived", "同类措施已领取过", "already received for this measure type"),
                rowId(), amount("一次性金额（元）", "one-time amount, yuan"), payer());
        put(TableCode.REMEDIAL_MEASURE_SUBSIDY,
                oneOf("measureType", MeasureType.class, "措施类型", "measure"),
                flag("certifiedProvider", "在有资质机构实施", "done at a certified provider"),
                max("measureMonth", "申请时为措施后第几个月（最多）", "claimed in month N after the measure, at most"),
                flag("alreadyReceived", "该措施已领取过", "already received for this measure"),
                rowId(), amount("一次性金额（元）", "one-time amount, yuan"), payer());
        put(TableCode.HARDSHIP_FAMILY_SUPPORT,
                oneOf("familyType", FamilyType.class, "家庭类型", "family type"),
                flag("outOfPolicyBirth", "有政策外生育", "had a birth outside the policy"),
                oneOf("hardshipCategory", HardshipCategory.class, "困难类别", "hardship category"),
                rowId(), amount("每年金额（元）", "amount per year, yuan"), payer());
        put(TableCode.ELDER_HEALTH_CHECK,
                min("age", "本人周岁（最少）", "own age, at least"),
                oneOf("registration", RegistrationType.class, "户籍类型", "registration"),
                flag("alreadyReceived", "本年度已体检", "already checked this year"),
                rowId(), payer());
        put(TableCode.BIRTH_DEFECT_SCREENING,
                flag("sickOrDisabledChild", "有患病或残疾子女", "has a sick or disabled child"),
                flag("planningPregnancy", "计划怀孕", "planning a pregnancy"),
                rowId(), payer());
        put(TableCode.MIGRANT_REPRODUCTIVE_HEALTH,
                oneOf("registration", RegistrationType.class, "户籍类型", "registration"),
                min("age", "本人周岁（最少）", "own age, at least"),
                rowId(), payer());
        put(TableCode.CITY_AVERAGE_WAGE,
                eq("referenceYear", "年度", "year"),
                rowId(), amount("职工年平均工资（元）", "average annual wage, yuan"));
    }

    private TableTemplates() {
    }

    private static void put(TableCode code, Column... columns) {
        TEMPLATES.put(code, new TableTemplate(code, List.of(columns)));
    }

    public static TableTemplate of(TableCode code) {
        TableTemplate template = TEMPLATES.get(code);
        if (template == null) {
            throw new IllegalArgumentException("no template for " + code);
        }
        return template;
    }
}
