package cn.huiyisheng.app.payments.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Entitlements, payments and payment runs. */
@Mapper
public interface PaymentMapper {

    /** Inserts entitlements in one statement; each row gets its generated id. */
    int insertEntitlements(@Param("rows") List<EntitlementRow> rows);

    List<EntitlementRow> findEntitlements(@Param("claimId") long claimId);

    /** Inserts payments in one statement; a second one for the same entitlement and period violates uq_payment. */
    int insertPayments(@Param("rows") List<PaymentRow> rows);

    List<PaymentRow> findPaymentsOfClaim(@Param("claimId") long claimId);

    /**
     * Takes into a run every payment due by its month that is scheduled or failed: one atomic
     * statement, so two runs at once can never take the same payment.
     */
    int takeDuePayments(@Param("runId") long runId, @Param("month") String month);

    List<PaymentLine> findLinesOfRun(@Param("runId") long runId);

    int markPaid(@Param("paymentId") long paymentId, @Param("runId") long runId, @Param("paidAt") Instant paidAt);

    int markFailed(@Param("paymentId") long paymentId, @Param("runId") long runId, @Param("reason") String reason);

    int insertRun(PaymentRunRow row);

    PaymentRunRow findRun(@Param("id") long id);

    List<PaymentRunRow> findRuns();

    int setRunProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    int setRunCollected(@Param("id") long id, @Param("count") int count, @Param("total") BigDecimal total);

    int setRunStatus(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    int setRunReturnFile(@Param("id") long id, @Param("content") byte[] content, @Param("sha256") String sha256);

    int insertRunFile(RunFileRow row);

    List<RunFileRow> findRunFiles(@Param("runId") long runId);

    RunFileRow findRunFile(@Param("runId") long runId, @Param("payer") String payer);
}
