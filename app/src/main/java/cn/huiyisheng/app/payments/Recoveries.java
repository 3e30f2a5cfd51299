package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.audit.AuditLog;
import cn.huiyisheng.app.payments.persistence.AdjustmentRow;
import cn.huiyisheng.app.payments.persistence.PaymentMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recovering overpayments (issue 10 §3). Nothing is taken back by itself: a reviewer schedules an
 * overpayment's recovery ({@link Corrections#decideOverpayment}); from then on each run withholds
 * it from the same person's payments of the same benefit that it collects, at most
 * {@code huiyisheng.overpayments.recovery-share} of each (so a month is never paid nothing), run by
 * run until all of it is withheld. A withholding is a row per overpayment and payment, made in the
 * collecting transaction (a collect retried after a crash finds the run collected and withholds
 * nothing again); the payment's bank line carries its amount less what it withholds. What a
 * withholding recovers counts once its payment is paid: a payment the bank returns keeps its
 * withholding for the run that pays it again; a cancelled one frees it for the next payment. An
 * overpayment is RECOVERED when the payments that withheld it have all been paid.
 */
@Service
@Transactional
public class Recoveries {

    private final PaymentMapper mapper;
    private final AuditLog audit;
    private final Clock clock;
    private final BigDecimal share;

    public Recoveries(PaymentMapper mapper, AuditLog audit, Clock clock,
                      @Value("${huiyisheng.overpayments.recovery-share:0.5}") BigDecimal share) {
        if (share == null || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("huiyisheng.overpayments.recovery-share must be above 0 and below 1 (a month is never paid"
                    + " nothing), not " + share);
        }
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
        this.share = share;
    }

    /** The share of a payment a recovery may withhold at most. */
    public BigDecimal share() {
        return share;
    }

    /** What one run withheld: how many payments, how much. */
    public record Withheld(int payments, BigDecimal total) {
    }

    /**
     * Withholds the scheduled recoveries from this run's payments (just collected), the oldest
     * overpaid month first, each payment up to its share; told in each claim's timeline.
     */
    Withheld withhold(long runId) {
        List<AdjustmentRow> outstanding = mapper.outstandingRecoveries();
        if (outstanding.isEmpty()) {
            return new Withheld(0, BigDecimal.ZERO.setScale(2));
        }
        Instant now = clock.instant();
        // the room left in each payment of the run, as withholdings fill it (one person's recoveries share their payments)
        Map<Long, BigDecimal> room = new HashMap<>();
        Map<String, List<PaymentMapper.Recoverable>> payable = new HashMap<>();
        Map<Long, Map<Long, BigDecimal>> byClaim = new LinkedHashMap<>(); // claim -> payment -> withheld by this run
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (AdjustmentRow a : outstanding) {
            BigDecimal left = a.getDifference().negate();
            if (left.signum() <= 0) {
                continue;
            }
            List<PaymentMapper.Recoverable> payments = payable.computeIfAbsent(a.getPersonKey() + "|" + a.getBenefit(),
                    k -> mapper.recoverablePayments(runId, a.getPersonKey(), a.getBenefit()).stream()
                            .filter(p -> p.role().equals(roleOf(p.subjectPath()))).toList());
            for (PaymentMapper.Recoverable p : payments) {
                if (left.signum() <= 0) {
                    break;
                }
                BigDecimal free = room.computeIfAbsent(p.paymentId(), id -> p.amount().multiply(share).setScale(2, RoundingMode.DOWN)
                        .subtract(p.withheld()).max(BigDecimal.ZERO));
                BigDecimal take = free.min(left);
                if (take.signum() <= 0) {
                    continue;
                }
                if (mapper.addToRecovery(a.getId(), p.paymentId(), take) == 0) {
                    mapper.insertRecovery(a.getId(), p.paymentId(), runId, take, now);
                }
                if (mapper.addWithheld(p.paymentId(), take) != 1) {
                    throw new IllegalStateException("payment " + p.paymentId() + " left run " + runId + " while it was collected");
                }
                room.put(p.paymentId(), free.subtract(take));
                left = left.subtract(take);
                total = total.add(take);
                byClaim.computeIfAbsent(a.getClaimId(), c -> new LinkedHashMap<>()).merge(p.paymentId(), take, BigDecimal::add);
            }
        }
        int payments = 0;
        for (Map.Entry<Long, Map<Long, BigDecimal>> c : byClaim.entrySet()) {
            BigDecimal sum = c.getValue().values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            payments += c.getValue().size();
            audit.claim(c.getKey(), AuditLog.SYSTEM, "RECOVERY_WITHHELD", sum + " yuan of overpayments withheld from "
                    + c.getValue().size() + " payment(s) of run " + runId, List.of(sum.toPlainString(),
                    Integer.toString(c.getValue().size()), Long.toString(runId)));
        }
        if (total.signum() > 0) {
            audit.run(runId, AuditLog.SYSTEM, "RECOVERY_WITHHELD", total + " yuan of overpayments withheld from " + payments
                    + " payment(s)");
        }
        return new Withheld(payments, total);
    }

    /** After the bank's return: what the paid payments recovered, and the overpayments recovered in full. */
    void settle(long runId) {
        if (mapper.updateRecovered(runId) > 0) {
            mapper.closeRecovered(runId);
        }
    }

    /** Whose a payment is, as the claim's persons are recorded: a spouse's subject is the spouse's, any other the applicant's. */
    static String roleOf(String subjectPath) {
        if (subjectPath.startsWith("$.spouse")) {
            return "SPOUSE";
        }
        // the roles of claim_person (as claims' ClaimParties records them; named here, not imported: claims uses payments)
        return subjectPath.equals("$") || subjectPath.startsWith("$.applicant") ? "APPLICANT" : "";
    }
}
