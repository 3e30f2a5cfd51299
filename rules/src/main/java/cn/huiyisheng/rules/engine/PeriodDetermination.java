package cn.huiyisheng.rules.engine;

import cn.huiyisheng.rules.facts.Periodicity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The entitlement of recurring benefits over a span of months, as segments per subject. */
public record PeriodDetermination(YearMonth from, YearMonth to, Instant knownAt, String engineVersion,
                                  List<BenefitPeriod> benefits) {

    public PeriodDetermination {
        benefits = List.copyOf(benefits);
    }

    public record BenefitPeriod(String benefit, String zh, String en, Periodicity periodicity,
                                List<SubjectPeriod> subjects, BigDecimal total) {
        public BenefitPeriod {
            subjects = List.copyOf(subjects);
        }
    }

    public record SubjectPeriod(String subject, String path, List<Segment> segments, BigDecimal total) {
        public SubjectPeriod {
            segments = List.copyOf(segments);
        }
    }

    public java.util.Optional<BenefitPeriod> benefit(String code) {
        return benefits.stream().filter(b -> b.benefit().equals(code)).findFirst();
    }
}
