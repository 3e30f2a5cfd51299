package cn.huiyisheng.rules.risk;

import org.drools.ruleunits.api.DataSource;
import org.drools.ruleunits.api.DataStore;
import org.drools.ruleunits.api.RuleUnitData;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reviewer's risk signals: cross-claim and plausibility checks owned by developers, fixed at
 * build time. A Drools rule unit ({@code RiskSignals.drl} beside this class) whose executable
 * model the Kogito Maven plugin generates and type-checks when this module is built; the policy
 * tables, which staff upload at run time, go through the KIE API instead (rules/README.md).
 */
public class RiskSignals implements RuleUnitData {

    private final DataStore<ClaimedPeriod> claim = DataSource.createStore();
    private final DataStore<Member> members = DataSource.createStore();
    private final DataStore<OtherClaim> others = DataSource.createStore();
    /** What the rules found, in a stable order (a sealed record must replay to the same bytes). */
    private final Set<RiskSignal> signals = new TreeSet<>();

    public DataStore<ClaimedPeriod> getClaim() { return claim; }
    public DataStore<Member> getMembers() { return members; }
    public DataStore<OtherClaim> getOthers() { return others; }
    public Set<RiskSignal> getSignals() { return signals; }

    public List<RiskSignal> signals() {
        return List.copyOf(signals);
    }
}
