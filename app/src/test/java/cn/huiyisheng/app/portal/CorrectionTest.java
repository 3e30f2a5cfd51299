package cn.huiyisheng.app.portal;

import cn.huiyisheng.rules.replay.JsonDiff;
import cn.huiyisheng.rules.household.Certificate;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.ChildOrigin;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Retirement;
import cn.huiyisheng.rules.household.Sex;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An applicant's correction of the facts (issue 11 §3) and the differences it leaves on the record. */
class CorrectionTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Household household() {
        Person mother = new Person("440304195803200020", "李梅", Sex.FEMALE, LocalDate.of(1958, 3, 20),
                new Registration(RegistrationType.URBAN_HUKOU, "福田区", null), null, null, null, null, List.of());
        Person father = new Person("440304196005120011", "王强", Sex.MALE, LocalDate.of(1960, 5, 12),
                new Registration(RegistrationType.URBAN_HUKOU, "福田区", null), null, null, null, new Retirement(LocalDate.of(2020, 6, 1), null),
                List.of());
        Child son = new Child("王小明", Sex.MALE, LocalDate.of(1985, 1, 1), 1, ChildOrigin.BORN, null, false, LocalDate.of(2005, 7, 15),
                null, null, true);
        return new Household(mother, father, List.of(son), new Certificate("SZ-1", LocalDate.of(1986, 2, 1), false, null), null, false,
                List.of());
    }

    static Map<String, String> form(Household h) {
        Correction c = Correction.of(h);
        Map<String, String> form = new HashMap<>();
        for (String f : List.of("c0Status", "c0Grade", "c0LossY", "c0LossM", "c0LossD", "certY", "certM", "certD", "retiredY", "retiredM",
                "retiredD", "spouseRetiredY", "spouseRetiredM", "spouseRetiredD")) {
            if (!c.get(f).isEmpty()) {
                form.put(f, c.get(f));
            }
        }
        return form;
    }

    @Test
    void theFormStartsFromTheFactsAndGivesThemBackUnchanged() {
        Household h = household();
        Map<String, String> form = form(h);
        assertThat(form).containsEntry("c0Status", "DIED").containsEntry("c0LossY", "2005").containsEntry("c0LossD", "15")
                .containsEntry("spouseRetiredY", "2020").doesNotContainKey("retiredY");
        Correction posted = Correction.posted(form, h);
        assertThat(posted.problems(h, TODAY)).isEmpty();
        assertThat(posted.apply(h)).isEqualTo(h);
    }

    @Test
    void aCorrectedDayOfDeathAndARetirementChangeOnlyThoseFactsAndTheRecordSaysWhichAndFromWhatToWhat() throws Exception {
        Household h = household();
        Map<String, String> form = form(h);
        form.put("c0LossD", "20");
        form.put("retiredY", "2013");
        form.put("retiredM", "3");
        form.put("retiredD", "20");
        Correction posted = Correction.posted(form, h);
        assertThat(posted.problems(h, TODAY)).isEmpty();
        Household corrected = posted.apply(h);
        assertThat(corrected.children().get(0).deathDate()).isEqualTo(LocalDate.of(2005, 7, 20));
        assertThat(corrected.applicant().retirement().date()).isEqualTo(LocalDate.of(2013, 3, 20));
        assertThat(corrected.applicant().idNumber()).isEqualTo(h.applicant().idNumber());
        List<JsonDiff.Op> ops = JsonDiff.diff(JSON.valueToTree(h), JSON.valueToTree(corrected));
        assertThat(ops).extracting(JsonDiff.Op::describe).containsExactlyInAnyOrder(
                "/applicant/retirement: null → {\"date\":\"2013-03-20\",\"pensionType\":null}",
                "/children/0/deathDate: \"2005-07-15\" → \"2005-07-20\"");
        assertThat(JsonDiff.patch(ops)).contains("{\"op\":\"replace\",\"path\":\"/children/0/deathDate\",\"value\":\"2005-07-20\"}");
    }

    @Test
    void aChildAliveAgainOrDisabledAndWrongDatesAreLocatedByField() {
        Household h = household();
        Map<String, String> form = form(h);
        form.put("c0Status", "DISABLED");
        form.remove("c0Grade");
        form.put("c0LossY", "1950");
        form.put("certM", "");
        form.put("retiredY", "2030");
        form.put("retiredM", "1");
        form.put("retiredD", "1");
        assertThat(Correction.posted(form, h).problems(h, TODAY)).extracting(Screening.FieldProblem::field, Screening.FieldProblem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c0LossY", "check.error.date.tooEarly"),
                        org.assertj.core.groups.Tuple.tuple("c0Grade", "check.error.choose.disabilityGrade"),
                        org.assertj.core.groups.Tuple.tuple("certM", "check.error.date.incomplete"),
                        org.assertj.core.groups.Tuple.tuple("retiredY", "check.error.date.future"));
        form = form(h);
        form.put("c0Status", "ALIVE");
        Household alive = Correction.posted(form, h).apply(h);
        assertThat(alive.children().get(0).isAlive()).isTrue();
        assertThat(alive.children().get(0).deathDate()).isNull();
    }

    @Test
    void pointersEscapeAndArraysGrowAndShrinkAtTheEnd() throws Exception {
        var a = JSON.readTree("{\"a/b\": 1, \"list\": [1, 2, 3], \"gone\": true}");
        var b = JSON.readTree("{\"a/b\": 2, \"list\": [1, 5], \"new\": \"x\"}");
        assertThat(JsonDiff.diff(a, b)).extracting(o -> o.op() + " " + o.path()).containsExactly(
                "replace /a~1b", "replace /list/1", "remove /list/2", "remove /gone", "add /new");
        assertThat(JsonDiff.diff(a, a)).isEmpty();
    }
}
