package cn.huiyisheng.app.portal;

import cn.huiyisheng.app.evaluation.EvaluationService;
import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.rules.catalog.LegalBasis;
import cn.huiyisheng.rules.engine.BenefitDetermination;
import cn.huiyisheng.rules.engine.ItemDetermination;
import cn.huiyisheng.rules.engine.Reason;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.facts.TableCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calculator's answer: for each benefit the chosen situations may bring, granted or not today,
 * how much and per what, who pays, the legal basis; for a refusal, only the conditions that failed
 * and, when time alone would change the answer, from when ("预计2028年4月起"). If the evaluation
 * fails there is no answer at all (never a figure), and the page says whom to ask.
 */
@Service
public class Screener {

    private static final Logger log = LoggerFactory.getLogger(Screener.class);
    /** How far ahead "from when" looks. */
    static final int HORIZON_YEARS = 30;

    private final EvaluationService evaluations;
    private final PolicyCatalog catalog;
    private final Clock clock;

    public Screener(EvaluationService evaluations, PolicyCatalog catalog, Clock clock) {
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One person's share of a benefit: whose (applicant, spouse, household), how much, who pays. */
    public record Share(String subject, BigDecimal amount, String payer) {
    }

    /** A failed condition, in both languages. */
    public record Failed(String zh, String en) {
    }

    /**
     * A benefit's outcome. {@code startsOn}: for a refusal that time alone lifts, the first month
     * (monthly), year (yearly) or day (one-time, service) it would be granted; null otherwise.
     */
    public record Outcome(String benefit, Periodicity periodicity, boolean eligible, List<Share> shares, List<Failed> failed,
                          LocalDate startsOn, String basisDocument, String basisClause, String version) {

        public boolean monthly() {
            return periodicity == Periodicity.MONTHLY;
        }

        public boolean service() {
            return periodicity == Periodicity.SERVICE;
        }

        /** The month a monthly benefit would start, as "2028-04" (null unless monthly with a start). */
        public YearMonth startMonth() {
            return startsOn == null ? null : YearMonth.from(startsOn);
        }
    }

    /** The answer: the outcomes, eligible ones first; or failed (no outcome shown, the office's contact instead). */
    public record Answer(LocalDate asOf, List<Outcome> outcomes, boolean failed) {

        public List<Outcome> eligible() {
            return outcomes.stream().filter(Outcome::eligible).toList();
        }

        public List<Outcome> refused() {
            return outcomes.stream().filter(o -> !o.eligible()).toList();
        }
    }

    public Answer check(Screening screening) {
        LocalDate today = LocalDate.now(clock);
        Set<TableCode> codes = EnumSet.noneOf(TableCode.class);
        screening.situations().forEach(s -> codes.addAll(s.benefits()));
        try {
            EvaluationService.Outlook outlook = evaluations.outlook(screening.household(), codes, today, HORIZON_YEARS);
            List<Outcome> outcomes = new ArrayList<>();
            for (BenefitDetermination b : outlook.today().benefits()) {
                outcomes.add(outcome(b, outlook.firstEligible().get(b.benefit())));
            }
            outcomes.sort(java.util.Comparator.comparing(o -> !o.eligible()));
            return new Answer(today, outcomes, false);
        } catch (RuntimeException e) {
            // the person is told the check could not be done, and whom to ask; never a figure from a failed evaluation
            log.error("calculator: the evaluation failed", e);
            return new Answer(today, List.of(), true);
        }
    }

    private Outcome outcome(BenefitDetermination b, LocalDate firstEligible) {
        List<Share> shares = new ArrayList<>();
        Map<String, Failed> failed = new LinkedHashMap<>();
        ItemDetermination deciding = null;
        for (ItemDetermination item : b.items()) {
            if (item.eligible()) {
                shares.add(new Share(subject(item.path()), item.amount(), item.payer() == null ? null : item.payer().name()));
                deciding = deciding == null ? item : deciding;
            } else if (!b.eligible()) {
                deciding = deciding == null ? item : deciding;
                for (Reason r : item.reasons()) {
                    if (!r.met()) {
                        failed.putIfAbsent(r.zh(), new Failed(r.zh(), r.en()));
                    }
                }
            }
        }
        if (!b.eligible() && failed.isEmpty()) {
            b.reasons().stream().filter(r -> !r.met()).forEach(r -> failed.putIfAbsent(r.zh(), new Failed(r.zh(), r.en())));
        }
        LegalBasis basis = null;
        String version = null;
        if (deciding != null && deciding.version() != null) {
            version = deciding.version().id();
            basis = catalog.version(TableCode.valueOf(deciding.version().table()), deciding.version().version())
                    .map(t -> t.basis()).orElse(null);
        }
        LocalDate starts = firstEligible == null ? null : switch (b.periodicity()) {
            case MONTHLY -> firstEligible.getDayOfMonth() == 1 ? firstEligible : firstEligible.withDayOfMonth(1).plusMonths(1);
            case YEARLY -> firstEligible.getDayOfYear() == 1 ? firstEligible : LocalDate.of(firstEligible.getYear() + 1, 1, 1);
            default -> firstEligible;
        };
        return new Outcome(b.benefit(), b.periodicity(), b.eligible(), shares, new ArrayList<>(failed.values()), starts,
                basis == null ? null : basis.document(), basis == null ? null : basis.clause(), version);
    }

    private static String subject(String path) {
        return path == null || path.equals("$") ? "household" : path.startsWith("$.spouse") ? "spouse" : "applicant";
    }
}
