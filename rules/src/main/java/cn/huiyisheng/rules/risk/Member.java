package cn.huiyisheng.rules.risk;

import java.time.LocalDate;

/**
 * A member of the household under review: who (APPLICANT, SPOUSE, CHILD and its index), age on
 * the claim's date, and death date if any. No name, no ID number.
 */
public record Member(String role, String label, int age, LocalDate deathDate) {

    public String getRole() { return role; }
    public String getLabel() { return label; }
    public int getAge() { return age; }
    public LocalDate getDeathDate() { return deathDate; }
}
