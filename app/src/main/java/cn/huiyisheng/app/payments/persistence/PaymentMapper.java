package cn.huiyisheng.app.payments.persistence;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Entitlements, payments and payment runs. */
@Mapper
public interface PaymentMapper {


    List<EntitlementRow> findEntitlements(@Param("claimId") long claimId);

    /** Inserts standing entitlements in one statement; each row gets its generated id. */
    int insertRecurring(@Param("rows") List<RecurringEntitlementRow> rows);

    List<RecurringEntitlementRow> findRecurringOfClaim(@Param("claimId") long claimId);

    /**
     * Records that the months through {@code through} are determined, only if they were determined
     * through {@code was} (the row is locked until commit: a second run at once waits, then finds 0).
     */
    int advanceRecurring(@Param("id") long id, @Param("was") String was, @Param("through") String through,
                         @Param("at") Instant at);

    /** Marks a published version checked against the months paid before it was known; a second time violates the key. */
    int insertCorrectionCheck(@Param("versionId") String versionId, @Param("at") Instant at, @Param("month") String month);

    int setCorrectionAdjustments(@Param("versionId") String versionId, @Param("count") int count);

    /** Every version checked so far. */
    List<String> checkedCorrections();

    /** The regular monthly payments of a benefit from {@code from} on whose determination was made before {@code knownFrom}. */
    List<PaidMonth> paidBefore(@Param("benefit") String benefit, @Param("from") String from, @Param("knownFrom") Instant knownFrom);

    /** Records a top-up or an overpayment; a second for the same person, benefit, month and correction violates the key. */
    int insertAdjustment(AdjustmentRow row);

    List<AdjustmentRow> adjustmentsOfClaim(@Param("claimId") long claimId);

    AdjustmentRow findAdjustment(@Param("id") long id);

    /** Open overpayments, the reviewers' list: the oldest first, at most 500. */
    List<AdjustmentRow> openOverpayments();

    /** A reviewer's decision on an open overpayment: 0 when it is no longer open. */
    int decideOverpayment(@Param("id") long id, @Param("status") String status, @Param("by") String by, @Param("at") Instant at,
                          @Param("reason") String reason);

    int insertLifeEvent(LifeEventRow row);

    /** The claim's life events, in the order they were recorded. */
    List<LifeEventRow> lifeEventsOfClaim(@Param("claimId") long claimId);

    /** A claim's current facts: its latest life event's, or its latest determination's (not a run's). */
    record ClaimFacts(long claimId, String facts) {
    }

    /** The current facts of many claims in one statement. */
    List<ClaimFacts> currentFactsOf(@Param("claimIds") List<Long> claimIds);

    /** A grant a claim holds, with the claim (for a chunk's households: each excludes its own). */
    record HeldRow(String benefit, String personKey, String period, String claimReference, long claimId) {
    }

    /** The grants these persons hold for these benefits in the months from..to, their years, and one-time events. */
    List<HeldRow> heldOf(@Param("personKeys") List<String> personKeys, @Param("benefits") List<String> benefits,
                         @Param("fromMonth") String fromMonth, @Param("toMonth") String toMonth,
                         @Param("fromYear") String fromYear, @Param("toYear") String toYear);

    /** Advances several standing entitlements determined through the same month at once: the count of those advanced. */
    int advanceRecurringAll(@Param("ids") List<Long> ids, @Param("was") String was, @Param("through") String through,
                            @Param("at") Instant at);

    /** The claim's regular monthly payments from {@code from} on, whatever their status (not cancelled), with their adjustments. */
    List<PaidMonth> paidOfClaimFrom(@Param("claimId") long claimId, @Param("from") String from);

    /** Cancels a payment not yet taken into a run (scheduled, or failed and due again): 0 when a run holds or paid it. */
    int cancelPayment(@Param("id") long id);

    /** Active standing entitlements whose yearly confirmation was due by {@code today}. */
    List<RecurringEntitlementRow> findUnconfirmed(@Param("today") java.time.LocalDate today);

    int suspendRecurring(@Param("id") long id, @Param("at") Instant at);

    /** Marks the reminder of the current due date given: 0 when it was given already. */
    int setReminded(@Param("id") long id, @Param("at") Instant at);

    /** The recipient confirmed: the next confirmation is due then, and a suspended entitlement goes on. */
    int confirmRecurring(@Param("id") long id, @Param("nextDue") java.time.LocalDate nextDue, @Param("at") Instant at);

    /** The ids of the active standing entitlements with months come due by {@code month}, in order. */
    List<Long> findRecurringDueIds(@Param("month") String month);

    /** The active standing entitlements with months come due by {@code month} with ids from {@code fromId} to {@code toId}. */
    List<RecurringEntitlementRow> findRecurringDueBetween(@Param("month") String month, @Param("fromId") long fromId,
                                                         @Param("toId") long toId);

    /** A chunk of a run's determination: its ids, and once done its counts. */
    record RunChunk(long fromId, long toId, Integer entitlements, Integer payments, Integer closed, Instant doneAt) {
    }

    int insertRunChunk(@Param("runId") long runId, @Param("chunk") int chunk, @Param("fromId") long fromId, @Param("toId") long toId);

    RunChunk findRunChunk(@Param("runId") long runId, @Param("chunk") int chunk);

    int setRunChunkDone(@Param("runId") long runId, @Param("chunk") int chunk, @Param("entitlements") int entitlements,
                        @Param("payments") int payments, @Param("closed") int closed, @Param("at") Instant at);

    int setRunChunks(@Param("runId") long runId, @Param("chunks") int chunks);

    /** Counts one more chunk done; locks the run's row until commit. */
    int runChunkCounted(@Param("runId") long runId);

    /** The counts of a run's chunks added up (ids 0). */
    RunChunk sumRunChunks(@Param("runId") long runId);

    /** Holds a standing entitlement for a reviewer, its months determined through {@code was} again. */
    int holdRecurring(@Param("id") long id, @Param("was") String was, @Param("reason") String reason, @Param("reasonEn") String reasonEn,
                      @Param("at") Instant at);

    int setAcceptedAmount(@Param("id") long id, @Param("amount") java.math.BigDecimal amount, @Param("version") String version);

    /** A reviewer lets a held entitlement go on: the next run pays what the rules say, and that amount stands. */
    int releaseRecurring(@Param("id") long id, @Param("at") Instant at);

    RecurringEntitlementRow findRecurring(@Param("id") long id);

    /** Whether the person with this key is one of the claim's household. */
    boolean isPartyOfClaim(@Param("claimId") long claimId, @Param("personKey") String personKey);

    /** Standing entitlements of a status (HELD: the reviewers' list), the longest waiting first, at most 500. */
    List<RecurringEntitlementRow> findRecurringByStatus(@Param("status") String status);

    /** Closes a standing entitlement: its last month paid and why it ended. */
    /** Ends a held standing entitlement, only if it is still held (0: a reviewer decided it meanwhile). */
    int closeHeldRecurring(@Param("id") long id, @Param("endPeriod") String endPeriod, @Param("reason") String reason,
                           @Param("reasonEn") String reasonEn, @Param("at") Instant at);

    int closeRecurring(@Param("id") long id, @Param("endPeriod") String endPeriod, @Param("reason") String reason,
                       @Param("reasonEn") String reasonEn, @Param("at") Instant at);

    /**
     * What other claims than this one hold for these persons (and benefits, when given), within the
     * months {@code fromMonth}..{@code toMonth} (yyyy-mm) and their years, and one-time events; every
     * period when {@code fromMonth} is null.
     */
    List<cn.huiyisheng.app.evaluation.HeldGrants.Held> findHeld(@Param("personKeys") List<String> personKeys,
                                                                @Param("benefits") List<String> benefits,
                                                                @Param("claimId") long claimId,
                                                                @Param("fromMonth") String fromMonth, @Param("toMonth") String toMonth,
                                                                @Param("fromYear") String fromYear, @Param("toYear") String toYear);


    List<PaymentRow> findPaymentsOfClaim(@Param("claimId") long claimId);

    /**
     * Takes into a run every payment due by its month that is scheduled or failed: one atomic
     * statement, so two runs at once can never take the same payment.
     */
    int takeDuePayments(@Param("runId") long runId, @Param("month") String month, @Param("excludedPersonKey") String excludedPersonKey);

    /** How many payments of the run are of a claim whose household includes the person with this key. */
    int countLinesOfRunWithParty(@Param("runId") long runId, @Param("personKey") String personKey);

    List<PaymentLine> findLinesOfRun(@Param("runId") long runId);

    /** The lines of a run in payer order, streamed (a household's lines together). */
    org.apache.ibatis.cursor.Cursor<PaymentLine> streamLinesOfRun(@Param("runId") long runId);

    /** How many payments a run took and their total (status: null). */
    StatusTotal countRun(@Param("runId") long runId);

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

    /** A count and a total, by payer ({@link #dueNow}). */
    /** A month paid (or to be paid) of a standing entitlement: its payment, the version that decided it, and a top-up's correction. */
    record StandingMonth(long paymentId, String period, java.math.BigDecimal amount, String status, String kind, String correction,
                         Long runId, Instant paidAt, String versionId, java.math.BigDecimal withheld) {
    }

    /** Every payment of a standing entitlement's claim, benefit and person (the approval's months, the runs', top-ups), by month. */
    List<StandingMonth> monthsOfStanding(@Param("id") long id);

    /** The top-ups and overpayments of a standing entitlement's months. */
    List<AdjustmentRow> adjustmentsOfStanding(@Param("id") long id);

    /** A standing entitlement with its claim's reference. */
    RecurringEntitlementRow findRecurringWithClaim(@Param("id") long id);

    /** Held standing entitlements with their claims' references, the longest waiting first. */
    List<RecurringEntitlementRow> findHeldWithClaim();

    /** Open overpayments with their claims' references and, where there is one, the standing entitlement of the month. */
    List<AdjustmentRow> openOverpaymentsWithClaim();

    /** A run's payments by kind (REGULAR, TOP_UP): count and total. */
    List<StatusTotal> countRunByKind(@Param("runId") long runId);

    /** How many standing entitlements are held for a reviewer now. */
    int countHeld();

    record StatusTotal(String status, long count, java.math.BigDecimal total) {
    }

    /** Scheduled recoveries with what each has still to withhold, as a negative {@code difference} (V33). */
    List<AdjustmentRow> outstandingRecoveries();

    /** A payment of a run a person's recovery may withhold from: its amount, what it withholds already, whose it is. */
    record Recoverable(long paymentId, java.math.BigDecimal amount, java.math.BigDecimal withheld, String subjectPath, String role) {
    }

    List<Recoverable> recoverablePayments(@Param("runId") long runId, @Param("personKey") String personKey, @Param("benefit") String benefit);

    int insertRecovery(@Param("adjustmentId") long adjustmentId, @Param("paymentId") long paymentId, @Param("runId") long runId,
                       @Param("amount") java.math.BigDecimal amount, @Param("at") Instant at);

    /** Adds to a withholding of this overpayment from this payment (a payment returned, then retaken with room left); 0 if none. */
    int addToRecovery(@Param("adjustmentId") long adjustmentId, @Param("paymentId") long paymentId,
                      @Param("amount") java.math.BigDecimal amount);

    int addWithheld(@Param("paymentId") long paymentId, @Param("amount") java.math.BigDecimal amount);

    /** The overpayments a run withheld from: what their paid payments have recovered. */
    int updateRecovered(@Param("runId") long runId);

    /** ... and RECOVERED those recovered in full. */
    int closeRecovered(@Param("runId") long runId);

    int setRunOutcome(@Param("id") long id, @Param("outcome") String outcome);

    List<StatusTotal> dueNow(@Param("month") String month, @Param("excludedPersonKey") String excludedPersonKey);

    /** The runs started and not yet reconciled or ended with nothing due, the oldest first. */
    List<PaymentRunRow> findRunsInProgress();

    @org.apache.ibatis.annotations.Insert("INSERT INTO change_report (claim_id, username, kind, event_date, note, created_at, status)"
            + " VALUES (#{claimId}, #{username}, #{kind}, #{eventDate}, #{note}, #{createdAt}, 'REPORTED')")
    int insertChangeReport(ChangeReportRow row);

    /** The reports not handled yet, the oldest first, with their claims' references and first standing entitlements. */
    @org.apache.ibatis.annotations.Select("SELECT r.id, r.claim_id, r.username, r.kind, r.event_date, r.note, r.created_at, r.status,"
            + " c.reference AS claim_reference, (SELECT MIN(s.id) FROM recurring_entitlement s WHERE s.claim_id = r.claim_id) AS standing_id"
            + " FROM change_report r JOIN claim c ON c.id = r.claim_id WHERE r.status = 'REPORTED' ORDER BY r.created_at, r.id LIMIT 500")
    List<ChangeReportRow> openChangeReports();

    @org.apache.ibatis.annotations.Select("SELECT id, claim_id, username, kind, event_date, note, created_at, status FROM change_report"
            + " WHERE claim_id = #{claimId} ORDER BY id")
    List<ChangeReportRow> changeReportsOfClaim(@Param("claimId") long claimId);

    @org.apache.ibatis.annotations.Select("SELECT claim_id FROM change_report WHERE id = #{id}")
    Long claimOfChangeReport(@Param("id") long id);

    @org.apache.ibatis.annotations.Update("UPDATE change_report SET status = 'HANDLED', handled_by = #{by}, handled_at = #{at}"
            + " WHERE id = #{id} AND status = 'REPORTED'")
    int handleChangeReport(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);
}
