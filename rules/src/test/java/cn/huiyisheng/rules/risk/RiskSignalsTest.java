package cn.huiyisheng.rules.risk;

import org.drools.ruleunits.api.RuleUnitProvider;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RiskSignalsTest {

    private static final ClaimedPeriod SPECIAL_SUPPORT = RiskChecks.period(YearMonth.of(2014, 1), YearMonth.of(2014, 3),
            Set.of("SPECIAL_SUPPORT"));
    private static final List<Member> COUPLE = List.of(new Member("APPLICANT", "applicant", 56, null),
            new Member("SPOUSE", "spouse", 54, null), new Member("CHILD", "child 1", 29, LocalDate.of(2005, 7, 15)));

    private static List<String> codes(List<RiskSignal> signals) {
        return signals.stream().map(RiskSignal::code).toList();
    }

    @Test
    void theRuleUnitIsTheOneGeneratedAtBuildTime() throws Exception {
        // the Kogito plugin generated the unit's executable model when this module was built
        Class<?> generated = Class.forName("cn.huiyisheng.rules.risk.RiskSignalsRuleUnit");
        try (var instance = RuleUnitProvider.get().createRuleUnitInstance(new RiskSignals())) {
            assertThat(instance.getClass().getName()).isEqualTo(generated.getName() + "Instance");
        }
    }

    @Test
    void aPlainClaimRaisesNoSignal() {
        assertThat(RiskChecks.evaluate(SPECIAL_SUPPORT, COUPLE, List.of())).isEmpty();
        // the household's own other claims are no signal (a bank account or child used again)
        assertThat(RiskChecks.evaluate(SPECIAL_SUPPORT, COUPLE, List.of(
                new OtherClaim(OtherClaim.Kind.BANK_ACCOUNT, null, "HYS-A", false, true),
                new OtherClaim(OtherClaim.Kind.PERSON, "CHILD", "HYS-A", false, true),
                new OtherClaim(OtherClaim.Kind.PERSON, "APPLICANT", "HYS-A", false, true)))).isEmpty();
    }

    @Test
    void eachCrossClaimSignalNamesTheOtherClaim() {
        List<RiskSignal> signals = RiskChecks.evaluate(SPECIAL_SUPPORT, COUPLE, List.of(
                new OtherClaim(OtherClaim.Kind.BANK_ACCOUNT, null, "HYS-B", false, false),
                new OtherClaim(OtherClaim.Kind.PERSON, "CHILD", "HYS-C", false, false),
                new OtherClaim(OtherClaim.Kind.PERSON, "SPOUSE", "HYS-D", true, true)));
        assertThat(codes(signals)).containsExactly("BANK_ACCOUNT_OF_ANOTHER_HOUSEHOLD", "CHILD_IN_ANOTHER_HOUSEHOLD",
                "PERSON_IN_ANOTHER_OPEN_CLAIM");
        assertThat(signals).extracting(RiskSignal::other).containsExactly("HYS-B", "HYS-C", "HYS-D");
        assertThat(signals.get(2).zh()).isEqualTo("配偶的身份证号码也出现在另一件办理中的申请 HYS-D");
        // a closed claim of the same person is history, not a signal
        assertThat(RiskChecks.evaluate(SPECIAL_SUPPORT, COUPLE, List.of(
                new OtherClaim(OtherClaim.Kind.PERSON, "APPLICANT", "HYS-E", false, true)))).isEmpty();
    }

    @Test
    void aDeathBeforeAMonthClaimedForALivingChildAndAnApplicantOver105AreSignals() {
        ClaimedPeriod healthFee = RiskChecks.period(YearMonth.of(2014, 1), YearMonth.of(2014, 3), Set.of("ONE_CHILD_HEALTH_FEE"));
        List<Member> members = List.of(new Member("APPLICANT", "applicant", 106, null),
                new Member("CHILD", "child 1", 10, LocalDate.of(2014, 2, 10)));
        List<RiskSignal> signals = RiskChecks.evaluate(healthFee, members, List.of());
        assertThat(codes(signals)).containsExactly("DEATH_BEFORE_CLAIMED_MONTH", "OVER_105");
        assertThat(signals.get(0).en()).isEqualTo("child 1 died (2014-02-10) before a claimed month");
        // a death that is the reason for special support is no signal
        assertThat(RiskChecks.evaluate(SPECIAL_SUPPORT, COUPLE, List.of())).isEmpty();
        // a death after the last claimed month is none either
        assertThat(RiskChecks.evaluate(healthFee, List.of(new Member("CHILD", "child 1", 10, LocalDate.of(2014, 3, 1))), List.of()))
                .isEmpty();
    }

    @Test
    void theRuleUnitKeptBetweenEvaluationsGivesWhatAFreshOneGives() throws Exception {
        // one thread evaluates claims one after another on the unit it keeps; another evaluates each once, first
        List<List<OtherClaim>> claims = List.of(
                List.of(new OtherClaim(OtherClaim.Kind.BANK_ACCOUNT, null, "HYS-20140101-AAAAAA", true, false)),
                List.of(),
                List.of(new OtherClaim(OtherClaim.Kind.PERSON, "CHILD", "HYS-20140101-BBBBBB", false, false),
                        new OtherClaim(OtherClaim.Kind.PERSON, "SPOUSE", "HYS-20140101-CCCCCC", true, false)),
                List.of());
        List<List<RiskSignal>> fresh = new java.util.ArrayList<>();
        for (List<OtherClaim> others : claims) {
            Thread t = new Thread(() -> fresh.add(RiskChecks.evaluate(SPECIAL_SUPPORT, COUPLE, others)));
            t.start();
            t.join();
        }
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < claims.size(); i++) {
                assertThat(RiskChecks.evaluate(SPECIAL_SUPPORT, COUPLE, claims.get(i))).as("claim %d, round %d", i, round)
                        .isEqualTo(fresh.get(i));
            }
        }
        assertThat(fresh.get(0)).isNotEmpty();
        assertThat(fresh.get(1)).isEmpty();
        assertThat(fresh.get(2)).hasSize(2);
    }
}
