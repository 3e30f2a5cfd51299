package cn.huiyisheng.app.claims;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A claim as its applicant or staff see it, with its timeline. The bank account is masked. */
public record ClaimView(String reference, String status, String applicant, List<String> benefits, String periodFrom,
                        String periodTo, String bankAccount, Instant submittedAt, Instant decidedAt, BigDecimal amountTotal,
                        String reviewer, String secondApprover, String decisionReason, JsonNode determination,
                        List<Entitlement> entitlements, List<Payment> payments, List<Event> timeline) {

    public record Event(Instant at, String actor, String type, String detail) {
    }

    public record Entitlement(String benefit, String subject, String periodicity, String from, String to,
                              BigDecimal amount, String payer, String version) {
    }

    public record Payment(String reference, String period, BigDecimal amount, String payer, String status) {
    }
}
