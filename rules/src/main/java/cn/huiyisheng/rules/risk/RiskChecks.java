package cn.huiyisheng.rules.risk;

import cn.huiyisheng.rules.engine.Ages;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import org.drools.ruleunits.api.DataHandle;
import org.drools.ruleunits.api.RuleUnitInstance;
import org.drools.ruleunits.api.RuleUnitProvider;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs the {@link RiskSignals} rule unit on a claim: the household's members as of the claim's
 * date, the claimed period, and the other claims the application found sharing a person or the
 * bank account. Deterministic: the same facts give the same signals in the same order.
 */
public final class RiskChecks {

    private RiskChecks() {
    }

    /** The members of a household as the rules see them: role, label, age on the date, death date. */
    public static List<Member> members(Household h, LocalDate asOf) {
        List<Member> members = new ArrayList<>();
        person(h.applicant(), "APPLICANT", "applicant", asOf, members);
        person(h.spouse(), "SPOUSE", "spouse", asOf, members);
        for (int i = 0; i < h.children().size(); i++) {
            Child c = h.children().get(i);
            if (c.birthDate() != null) {
                members.add(new Member("CHILD", "child " + (i + 1), Ages.age(c.birthDate(), asOf), c.isAlive() ? null : c.deathDate()));
            }
        }
        return members;
    }

    private static void person(Person p, String role, String label, LocalDate asOf, List<Member> members) {
        if (p != null && p.birthDate() != null) {
            members.add(new Member(role, label, Ages.age(p.birthDate(), asOf), null));
        }
    }

    public static ClaimedPeriod period(YearMonth from, YearMonth to, Set<String> benefits) {
        return new ClaimedPeriod(from.atDay(1), to.atDay(1), Set.copyOf(benefits));
    }

    /**
     * A rule unit instance kept per thread between evaluations, empty when kept: making one (its
     * working memory, agenda, entry points) cost as much as firing it, on every claim ({@code ./bench claims}).
     */
    private record Kept(RiskSignals data, RuleUnitInstance<RiskSignals> unit) {
    }

    private static final ThreadLocal<Kept> KEPT = new ThreadLocal<>();

    public static List<RiskSignal> evaluate(ClaimedPeriod claim, List<Member> members, List<OtherClaim> others) {
        Kept kept = KEPT.get();
        KEPT.remove(); // in use: a reentrant call (none today) would make its own
        if (kept == null) {
            RiskSignals data = new RiskSignals();
            kept = new Kept(data, RuleUnitProvider.get().createRuleUnitInstance(data));
        }
        RiskSignals data = kept.data();
        List<DataHandle> claims = new ArrayList<>(1);
        List<DataHandle> memberHandles = new ArrayList<>(members.size());
        List<DataHandle> otherHandles = new ArrayList<>(others.size());
        try {
            claims.add(data.getClaim().add(claim));
            members.forEach(m -> memberHandles.add(data.getMembers().add(m)));
            others.forEach(o -> otherHandles.add(data.getOthers().add(o)));
            kept.unit().fire();
            List<RiskSignal> signals = data.signals();
            // emptied before it is kept: the next claim's facts meet nothing of this one's
            claims.forEach(data.getClaim()::remove);
            memberHandles.forEach(data.getMembers()::remove);
            otherHandles.forEach(data.getOthers()::remove);
            kept.unit().fire();
            data.getSignals().clear();
            KEPT.set(kept);
            return signals;
        } catch (RuntimeException | Error e) {
            kept.unit().close(); // not kept: whatever state it was left in goes with it
            throw e;
        }
    }
}
