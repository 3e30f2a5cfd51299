package cn.huiyisheng.app.evaluation;

import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.app.policy.PolicyCatalog;
import cn.huiyisheng.rules.risk.RiskChecks;
import cn.huiyisheng.rules.engine.Determination;
import cn.huiyisheng.rules.engine.Engine;
import cn.huiyisheng.rules.engine.PeriodDetermination;
import cn.huiyisheng.rules.engine.PeriodEvaluator;
import cn.huiyisheng.rules.facts.Periodicity;
import cn.huiyisheng.rules.facts.TableCode;
import cn.huiyisheng.rules.household.HouseholdValidator;
import cn.huiyisheng.rules.household.Problem;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Validates an evaluation request completely, then asks the engine. */
@Service
public class EvaluationService {

    private static final Set<String> CODES = Stream.of(TableCode.values()).map(Enum::name).collect(Collectors.toSet());

    private final PolicyCatalog catalog;
    private final Clock clock;
    private final PersonKeys keys;
    private final HouseholdValidator validator = new HouseholdValidator(CODES);

    public EvaluationService(PolicyCatalog catalog, Clock clock, PersonKeys keys) {
        this.catalog = catalog;
        this.clock = clock;
        this.keys = keys;
    }

    /** Every problem with the request, by JSON path; empty when it can be evaluated. */
    public List<Problem> validate(EvaluationRequest request) {
        List<Problem> problems = new ArrayList<>();
        if (request.household() == null) {
            problems.add(new Problem("$.household", "REQUIRED", "this field is required", "家庭信息为必填项"));
        } else {
            validator.validate(request.household()).forEach(p ->
                    problems.add(new Problem("$.household" + p.path().substring(1), p.code(), p.message(), p.zh())));
        }
        if (request.period() != null) {
            EvaluationRequest.Span span = request.period();
            if (span.from() == null) {
                problems.add(new Problem("$.period.from", "REQUIRED", "the first month is required", "起始月份为必填项"));
            }
            if (span.to() == null) {
                problems.add(new Problem("$.period.to", "REQUIRED", "the last month is required", "结束月份为必填项"));
            }
            if (span.from() != null && span.to() != null) {
                if (span.to().isBefore(span.from())) {
                    problems.add(new Problem("$.period.to", "BEFORE_START",
                            "the period ends (" + span.to() + ") before it starts (" + span.from() + ")", "结束月份早于起始月份"));
                } else if (span.from().until(span.to(), ChronoUnit.MONTHS) >= PeriodEvaluator.MAX_MONTHS) {
                    problems.add(new Problem("$.period.to", "TOO_LONG",
                            "a period may span at most " + PeriodEvaluator.MAX_MONTHS + " months", "期间最长为600个月"));
                }
            }
        }
        if (request.benefits() != null) {
            for (int i = 0; i < request.benefits().size(); i++) {
                String code = request.benefits().get(i);
                if (code == null || TableCode.parse(code).filter(TableCode::isBenefit).isEmpty()) {
                    problems.add(new Problem("$.benefits[" + i + "]", "UNKNOWN_BENEFIT",
                            "unknown benefit '" + code + "'; known: " + Engine.benefits(), "未知的待遇代码"));
                }
            }
        }
        return problems;
    }

    /** Evaluates a request that {@link #validate} found no problem with. */
    public EvaluationResponse evaluate(EvaluationRequest request) {
        return evaluate(request, false);
    }

    /**
     * A claim's evaluation, which needs a period: one-time benefits and services are decided as of
     * the date, recurring benefits over the period only (their answer as of today decides nothing
     * in a claim for a period, and would double the sealed record).
     */
    public EvaluationResponse evaluateClaim(EvaluationRequest request) {
        return claim(request, null);
    }

    /**
     * A claim's evaluation with the system's own records: what other claims already hold for the
     * same persons is not eligible again ({@link HeldGrants}), and the reviewer's risk signals are
     * found by the build-time rule unit ({@link RiskChecks}) from the household and the other
     * claims that share a person or the bank account.
     */
    public EvaluationResponse evaluateClaim(EvaluationRequest request, SystemRecords records) {
        return claim(request, java.util.Objects.requireNonNull(records));
    }

    /**
     * A payment run's evaluation of months come due: as a claim's, with the grants other claims
     * hold, but without the reviewer's risk signals (a run decides nothing a reviewer reads).
     */
    public EvaluationResponse evaluatePayment(EvaluationRequest request, SystemRecords records) {
        return claim(request, java.util.Objects.requireNonNull(records), false);
    }

    private EvaluationResponse claim(EvaluationRequest request, SystemRecords records) {
        return claim(request, records, true);
    }

    /** Records made before the system's records were sealed replay without them (records null). */
    private EvaluationResponse claim(EvaluationRequest request, SystemRecords records, boolean signals) {
        if (request.period() == null) {
            throw new IllegalArgumentException("a claim is evaluated over a period");
        }
        EvaluationResponse response = evaluate(request, true);
        if (records == null) {
            return response;
        }
        var h = request.household();
        if (!records.held().isEmpty()) {
            response = HeldGrants.apply(response, records.held(), h.applicant() == null ? null : keys.of(h.applicant().idNumber()),
                    h.spouse() == null || h.spouse().idNumber() == null ? null : keys.of(h.spouse().idNumber()));
        }
        if (!signals) {
            return response;
        }
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock);
        Set<String> benefits = request.benefits() == null ? Set.of() : Set.copyOf(request.benefits());
        return response.withSignals(RiskChecks.evaluate(RiskChecks.period(request.period().from(), request.period().to(), benefits),
                RiskChecks.members(h, asOf), records.others()));
    }

    private EvaluationResponse evaluate(EvaluationRequest request, boolean claim) {
        LocalDate asOf = request.asOf() != null ? request.asOf() : LocalDate.now(clock);
        Instant knownAt = request.knownAt() != null ? request.knownAt() : clock.instant();
        Set<TableCode> codes = Engine.benefits();
        if (request.benefits() != null && !request.benefits().isEmpty()) {
            codes = EnumSet.noneOf(TableCode.class);
            for (String code : request.benefits()) {
                codes.add(TableCode.valueOf(code));
            }
        }
        Set<TableCode> asOfCodes = codes;
        if (claim) {
            asOfCodes = EnumSet.noneOf(TableCode.class);
            for (TableCode code : codes) {
                if (code.periodicity() != Periodicity.MONTHLY && code.periodicity() != Periodicity.YEARLY) {
                    asOfCodes.add(code);
                }
            }
        }
        Engine engine = catalog.engine(knownAt);
        Determination determination = engine.evaluate(request.household(), asOf, knownAt, asOfCodes);
        PeriodDetermination period = request.period() == null ? null
                : new PeriodEvaluator(engine).evaluate(request.household(), request.period().from(), request.period().to(), knownAt, codes);
        return new EvaluationResponse(determination, period);
    }

    /**
     * What a household is entitled to on {@code today}, and for each benefit refused then, the first
     * day within {@code years} on which it would be granted on the same facts as time passes (ages
     * grow, children grow up, a version valid from a later date comes into force; nothing else
     * changes): "from when", for a calculator. Found by jumping from one day the determination may
     * change to the next ({@link Engine#evaluateLasting}), at least a month at a time where a table
     * reads a fact that changes every day.
     */
    public Outlook outlook(cn.huiyisheng.rules.household.Household household, Set<TableCode> codes, LocalDate today, int years) {
        Instant knownAt = clock.instant();
        Engine engine = catalog.engine(knownAt);
        Determination now = engine.evaluate(household, today, knownAt, codes);
        java.util.Map<String, LocalDate> from = new java.util.LinkedHashMap<>();
        LocalDate horizon = today.plusYears(years);
        for (var b : now.benefits()) {
            if (b.eligible()) {
                continue;
            }
            Set<TableCode> one = EnumSet.of(TableCode.valueOf(b.benefit()));
            LocalDate d = today;
            for (int step = 0; step < 400; step++) {
                Engine.Lasting lasting = engine.evaluateLasting(household, d, knownAt, one);
                if (d.isAfter(today) && lasting.determination().benefit(b.benefit()).map(x -> x.eligible()).orElse(false)) {
                    from.put(b.benefit(), d);
                    break;
                }
                if (lasting.until() == null) {
                    break;
                }
                LocalDate monthOn = d.withDayOfMonth(1).plusMonths(1);
                d = lasting.until().isAfter(d.plusDays(1)) ? lasting.until() : monthOn;
                if (d.isAfter(horizon)) {
                    break;
                }
            }
        }
        return new Outlook(now, from);
    }

    /** The determination today and, for benefits refused today, the first day they would be granted (none: not within the horizon). */
    public record Outlook(Determination today, java.util.Map<String, LocalDate> firstEligible) {
    }
}
