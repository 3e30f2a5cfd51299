package cn.huiyisheng.rules.risk;

import cn.huiyisheng.rules.engine.Ages;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
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

    public static List<RiskSignal> evaluate(ClaimedPeriod claim, List<Member> members, List<OtherClaim> others) {
        RiskSignals data = new RiskSignals();
        data.getClaim().add(claim);
        members.forEach(data.getMembers()::add);
        others.forEach(data.getOthers()::add);
        try (RuleUnitInstance<RiskSignals> unit = RuleUnitProvider.get().createRuleUnitInstance(data)) {
            unit.fire();
        }
        return data.signals();
    }
}
