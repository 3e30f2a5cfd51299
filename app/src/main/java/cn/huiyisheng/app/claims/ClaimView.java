package cn.huiyisheng.app.claims;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A claim as its applicant or staff see it, with its timeline. The bank account is masked. */
public record ClaimView(String reference, String status, String applicant, List<String> benefits, String periodFrom,
                        String periodTo, String bankAccount, Instant submittedAt, Instant decidedAt, BigDecimal amountTotal,
                        String reviewer, String secondApprover, String decisionReason, JsonNode determination,
                        List<Entitlement> entitlements, List<Payment> payments, List<Event> timeline, HouseholdView household,
                        List<cn.huiyisheng.app.payments.RecurringEntitlements.Standing> standing,
                        List<cn.huiyisheng.app.payments.Corrections.Adjustment> adjustments, List<DocumentInfo> documents) {

    /** A document given with the claim (its content is fetched on its own, as an attachment, never inline). */
    public record DocumentInfo(long id, String kind, String filename, String contentType, long size, String sha256,
                               java.time.Instant uploadedAt) {
    }

    /**
     * Who the claim is for, as staff see it: names and ID numbers masked, ages on the day shown,
     * the facts a reviewer checks (registration, district, employment, children, certificate).
     */
    public record HouseholdView(List<Member> members, String certificateNumber, java.time.LocalDate certificateIssued,
                                boolean certificateRevoked) {
    }

    /**
     * A member of the household. {@code role}: APPLICANT, SPOUSE or CHILD; labels are the pages'
     * (the enums carry their Chinese and English words).
     */
    public record Member(String role, int index, String name, String idNumber, cn.huiyisheng.rules.household.Sex sex, Integer age,
                         cn.huiyisheng.rules.household.RegistrationType registration, String district,
                         cn.huiyisheng.rules.household.EmployerType employer, Boolean alive, java.time.LocalDate deathDate) {
    }

    /**
     * An event of the timeline: {@code detail} is the English record (or what a person wrote: a
     * reason, an answer, an appeal); {@code params} the values a page says it with, in its language.
     */
    public record Event(Instant at, String actor, String type, String detail, List<String> params) {
    }

    public record Entitlement(String benefit, String subject, String periodicity, String from, String to,
                              BigDecimal amount, String payer, String version) {
    }

    public record Payment(String reference, String period, BigDecimal amount, String payer, String status) {
    }
}
