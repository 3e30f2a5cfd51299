package cn.huiyisheng.app.policy.web;

import cn.huiyisheng.app.policy.persistence.PolicyVersionRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's time axis: each version in force is a bar from its start to the next one's, scaled to the axis. */
class TimeAxisTest {

    static PolicyVersionRow version(int no, String from, boolean withdrawn) {
        PolicyVersionRow r = new PolicyVersionRow();
        r.setVersionNo(no);
        r.setValidFrom(LocalDate.parse(from));
        r.setWithdrawnAt(withdrawn ? Instant.parse("2026-01-01T00:00:00Z") : null);
        return r;
    }

    @Test
    void versionsInForceFollowEachOtherAndAWithdrawnOneTakesNoPlace() {
        List<PolicyConsoleController.Bar> bars = PolicyConsoleController.bars(List.of(version(1, "2010-01-01", false),
                version(2, "2015-01-01", true), version(3, "2020-01-01", false)), LocalDate.of(2010, 1, 1), LocalDate.of(2030, 1, 1));
        assertThat(bars).extracting(PolicyConsoleController.Bar::versionNo).containsExactly(1, 3);
        assertThat(bars.get(0).left()).isZero();
        assertThat(bars.get(0).until()).isEqualTo(LocalDate.of(2019, 12, 31));
        assertThat(bars.get(0).width()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(bars.get(1).left()).isCloseTo(50.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(bars.get(1).until()).as("the last runs to the axis' end").isNull();
        assertThat(bars.get(1).left() + bars.get(1).width()).isCloseTo(100.0, org.assertj.core.data.Offset.offset(0.05));
    }

    @Test
    void ofTwoVersionsFromTheSameDayTheLaterDecides() {
        List<PolicyConsoleController.Bar> bars = PolicyConsoleController.bars(List.of(version(1, "2012-01-01", false),
                version(2, "2012-01-01", false)), LocalDate.of(2012, 1, 1), LocalDate.of(2016, 1, 1));
        assertThat(bars).singleElement().satisfies(b -> assertThat(b.versionNo()).isEqualTo(2));
    }
}
