package cn.huiyisheng.rules.facts;

import cn.huiyisheng.rules.household.EmployerType;
import cn.huiyisheng.rules.household.MeasureType;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Sex;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fact a decision table decides on: one person (or one measure, or the household) assessed
 * for one table on one date, with every attribute already derived from the household. Tables
 * read these attributes by name; the rows that match record themselves through
 * {@link #matched(String, String)} and the setters that follow it.
 *
 * <p>Attributes are plain values on purpose: what a table may look at is this list, nothing else.
 */
public final class Subject {

    /** Attribute name to reader, for explanations and verification (the same names tables use). */
    public static final Map<String, Function<Subject, Object>> ATTRIBUTES = Map.ofEntries(
            Map.entry("age", Subject::getAge),
            Map.entry("sex", Subject::getSex),
            Map.entry("motherAge", Subject::getMotherAge),
            Map.entry("registration", Subject::getRegistration),
            Map.entry("certificate", Subject::getCertificate),
            Map.entry("certificateMonths", Subject::getCertificateMonths),
            Map.entry("familyType", Subject::getFamilyType),
            Map.entry("onlyChildStatus", Subject::getOnlyChildStatus),
            Map.entry("disabilityGrade", Subject::getDisabilityGrade),
            Map.entry("childAge", Subject::getChildAge),
            Map.entry("childBirthDate", Subject::getChildBirthDate),
            Map.entry("livingChildren", Subject::getLivingChildren),
            Map.entry("newChildSinceLoss", Subject::isNewChildSinceLoss),
            Map.entry("outOfPolicyBirth", Subject::isOutOfPolicyBirth),
            Map.entry("employerType", Subject::getEmployerType),
            Map.entry("retired", Subject::isRetired),
            Map.entry("alreadyReceived", Subject::isAlreadyReceived),
            Map.entry("hardshipCategory", Subject::getHardshipCategory),
            Map.entry("measureType", Subject::getMeasureType),
            Map.entry("measureMonth", Subject::getMeasureMonth),
            Map.entry("certifiedProvider", Subject::isCertifiedProvider),
            Map.entry("planningPregnancy", Subject::isPlanningPregnancy),
            Map.entry("sickOrDisabledChild", Subject::isSickOrDisabledChild),
            Map.entry("referenceYear", Subject::getReferenceYear));

    private final TableCode table;
    private final String label;
    private final String path;
    private final LocalDate assessedOn;

    private int age = -1;
    private Sex sex;
    private int motherAge = -1;
    private RegistrationType registration = RegistrationType.NONE;
    private CertificateStatus certificate = CertificateStatus.NONE;
    private int certificateMonths = -1;
    private FamilyType familyType = FamilyType.NO_CHILD;
    private ChildStatus onlyChildStatus = ChildStatus.NOT_APPLICABLE;
    private int disabilityGrade;
    private int childAge = -1;
    private LocalDate childBirthDate;
    private int livingChildren;
    private boolean newChildSinceLoss;
    private boolean outOfPolicyBirth;
    private EmployerType employerType = EmployerType.NONE;
    private boolean retired;
    private boolean alreadyReceived;
    private HardshipCategory hardshipCategory = HardshipCategory.NONE;
    private MeasureType measureType;
    private int measureMonth = -1;
    private boolean certifiedProvider;
    private boolean planningPregnancy;
    private boolean sickOrDisabledChild;
    private int referenceYear;

    private final List<Match> matches = new ArrayList<>(1);

    /**
     * @param label      who or what is assessed, e.g. {@code applicant} or {@code spouse measure 1}
     * @param path       the JSON path of that person or measure in the household
     * @param assessedOn the date the attributes were derived for
     */
    public Subject(TableCode table, String label, String path, LocalDate assessedOn) {
        this.table = table;
        this.label = label;
        this.path = path;
        this.assessedOn = assessedOn;
    }

    /**
     * Takes the rows another subject with the same condition attributes matched under the same
     * version: a decision table's outcome is a function of those attributes alone (its condition
     * columns read nothing else), so the engine fires Drools once per distinct combination.
     * The matches are shared, never changed after their firing.
     */
    public void adopt(List<Match> matched) {
        matches.addAll(matched);
    }

    /** Called by the first ACTION column of a matching row. */
    public void matched(String rowId, String ruleName) {
        matches.add(new Match(rowId, ruleName));
    }

    public void setAmount(BigDecimal amount) {
        current().amount = amount;
    }

    public void setRate(BigDecimal rate) {
        current().rate = rate;
    }

    public void setPayer(Payer payer) {
        current().payer = payer;
    }

    private Match current() {
        if (matches.isEmpty()) {
            throw new IllegalStateException("an ACTION column ran before the row-id column");
        }
        return matches.get(matches.size() - 1);
    }

    public List<Match> matches() {
        return Collections.unmodifiableList(matches);
    }

    public Object attribute(String name) {
        Function<Subject, Object> reader = ATTRIBUTES.get(name);
        if (reader == null) {
            throw new IllegalArgumentException("no subject attribute '" + name + "'");
        }
        return reader.apply(this);
    }

    /** One row that matched, with what its ACTION columns set. */
    public static final class Match {
        private final String rowId;
        private final String ruleName;
        private BigDecimal amount;
        private BigDecimal rate;
        private Payer payer;

        Match(String rowId, String ruleName) {
            this.rowId = rowId;
            this.ruleName = ruleName;
        }

        public String rowId() { return rowId; }
        public String ruleName() { return ruleName; }
        public BigDecimal amount() { return amount; }
        public BigDecimal rate() { return rate; }
        public Payer payer() { return payer; }

        /** The spreadsheet row of the rule: Drools names decision-table rules {@code <table>_<row>}. */
        public int sheetRow() {
            int underscore = ruleName.lastIndexOf('_');
            try {
                return Integer.parseInt(ruleName.substring(underscore + 1));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    public TableCode getTable() { return table; }
    public String getLabel() { return label; }
    public String getPath() { return path; }
    public LocalDate getAssessedOn() { return assessedOn; }
    public int getAge() { return age; }
    public void setAge(int age) { this.age = age; }
    public Sex getSex() { return sex; }
    public void setSex(Sex sex) { this.sex = sex; }
    public int getMotherAge() { return motherAge; }
    public void setMotherAge(int motherAge) { this.motherAge = motherAge; }
    public RegistrationType getRegistration() { return registration; }
    public void setRegistration(RegistrationType registration) { this.registration = registration; }
    public CertificateStatus getCertificate() { return certificate; }
    public void setCertificate(CertificateStatus certificate) { this.certificate = certificate; }
    public int getCertificateMonths() { return certificateMonths; }
    public void setCertificateMonths(int certificateMonths) { this.certificateMonths = certificateMonths; }
    public FamilyType getFamilyType() { return familyType; }
    public void setFamilyType(FamilyType familyType) { this.familyType = familyType; }
    public ChildStatus getOnlyChildStatus() { return onlyChildStatus; }
    public void setOnlyChildStatus(ChildStatus onlyChildStatus) { this.onlyChildStatus = onlyChildStatus; }
    public int getDisabilityGrade() { return disabilityGrade; }
    public void setDisabilityGrade(int disabilityGrade) { this.disabilityGrade = disabilityGrade; }
    public int getChildAge() { return childAge; }
    public void setChildAge(int childAge) { this.childAge = childAge; }
    public LocalDate getChildBirthDate() { return childBirthDate; }
    public void setChildBirthDate(LocalDate childBirthDate) { this.childBirthDate = childBirthDate; }
    public int getLivingChildren() { return livingChildren; }
    public void setLivingChildren(int livingChildren) { this.livingChildren = livingChildren; }
    public boolean isNewChildSinceLoss() { return newChildSinceLoss; }
    public void setNewChildSinceLoss(boolean newChildSinceLoss) { this.newChildSinceLoss = newChildSinceLoss; }
    public boolean isOutOfPolicyBirth() { return outOfPolicyBirth; }
    public void setOutOfPolicyBirth(boolean outOfPolicyBirth) { this.outOfPolicyBirth = outOfPolicyBirth; }
    public EmployerType getEmployerType() { return employerType; }
    public void setEmployerType(EmployerType employerType) { this.employerType = employerType; }
    public boolean isRetired() { return retired; }
    public void setRetired(boolean retired) { this.retired = retired; }
    public boolean isAlreadyReceived() { return alreadyReceived; }
    public void setAlreadyReceived(boolean alreadyReceived) { this.alreadyReceived = alreadyReceived; }
    public HardshipCategory getHardshipCategory() { return hardshipCategory; }
    public void setHardshipCategory(HardshipCategory hardshipCategory) { this.hardshipCategory = hardshipCategory; }
    public MeasureType getMeasureType() { return measureType; }
    public void setMeasureType(MeasureType measureType) { this.measureType = measureType; }
    public int getMeasureMonth() { return measureMonth; }
    public void setMeasureMonth(int measureMonth) { this.measureMonth = measureMonth; }
    public boolean isCertifiedProvider() { return certifiedProvider; }
    public void setCertifiedProvider(boolean certifiedProvider) { this.certifiedProvider = certifiedProvider; }
    public boolean isPlanningPregnancy() { return planningPregnancy; }
    public void setPlanningPregnancy(boolean planningPregnancy) { this.planningPregnancy = planningPregnancy; }
    public boolean isSickOrDisabledChild() { return sickOrDisabledChild; }
    public void setSickOrDisabledChild(boolean sickOrDisabledChild) { this.sickOrDisabledChild = sickOrDisabledChild; }
    public int getReferenceYear() { return referenceYear; }
    public void setReferenceYear(int referenceYear) { this.referenceYear = referenceYear; }
}
