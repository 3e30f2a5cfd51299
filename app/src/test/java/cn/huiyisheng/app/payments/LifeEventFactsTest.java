package cn.huiyisheng.app.payments;

import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.ChildOrigin;
import cn.huiyisheng.rules.household.Household;
import cn.huiyisheng.rules.household.Person;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.household.Registration;
import cn.huiyisheng.rules.household.RegistrationType;
import cn.huiyisheng.rules.household.Sex;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A life event leaves the household's facts dated: the months before a move out of the city are
 * still judged on the registration it had; an event that cannot apply to the person is refused by
 * field, before anything is recorded.
 */
class LifeEventFactsTest {

    private static final LocalDate TODAY = LocalDate.of(2016, 7, 10);

    private static Household household(RegistrationType wife, LocalDate since) {
        Person mother = new Person(null, "李梅", Sex.FEMALE, LocalDate.of(1958, 3, 20), new Registration(wife, "福田区", since),
                null, null, null, null, List.of());
        Person father = new Person(null, "王强", Sex.MALE, LocalDate.of(1960, 5, 12),
                new Registration(RegistrationType.URBAN_HUKOU, "福田区", null), null, null, null, null, List.of());
        Child died = new Child("王小明", Sex.MALE, LocalDate.of(1985, 4, 1), 1, ChildOrigin.BORN, null, false, LocalDate.of(2005, 5, 1),
                null, null, true);
        return new Household(mother, father, List.of(died), null, null, false, List.of());
    }

    private static LifeEvents.Event event(LifeEvents.Kind kind, String subject, LocalDate date) {
        return new LifeEvents.Event(kind, subject, date, "户口迁移证 No. 2016-0815", null, null, null, null);
    }

    @Test
    void aMoveOutEndsTheRegistrationOnItsDayAndKeepsWhatItWasBefore() {
        Household after = LifeEvents.apply(household(RegistrationType.URBAN_HUKOU, LocalDate.of(1990, 1, 1)),
                event(LifeEvents.Kind.MOVED_OUT, "applicant", LocalDate.of(2016, 6, 20)), TODAY);
        Registration r = after.applicant().registration();
        assertThat(r).isEqualTo(new Registration(RegistrationType.URBAN_HUKOU, "福田区", LocalDate.of(1990, 1, 1), LocalDate.of(2016, 6, 20)));
        assertThat(r.typeOn(LocalDate.of(2016, 6, 1))).isEqualTo(RegistrationType.URBAN_HUKOU);
        assertThat(r.typeOn(LocalDate.of(2016, 6, 20))).isEqualTo(RegistrationType.NONE);
        assertThat(after.spouse().registration().until()).isNull();
    }

    @Test
    void anEventThatCannotApplyToThePersonIsRefusedByField() {
        // a hukou cannot expire as a residence permit does, nor a permit move out as a hukou does
        assertThat(problems(household(RegistrationType.URBAN_HUKOU, null), LifeEvents.Kind.PERMIT_EXPIRED, LocalDate.of(2016, 6, 20)))
                .extracting(Problem::path).containsExactly("$.kind");
        assertThat(problems(household(RegistrationType.RESIDENCE_PERMIT, null), LifeEvents.Kind.MOVED_OUT, LocalDate.of(2016, 6, 20)))
                .extracting(Problem::path).containsExactly("$.kind");
        // nor can a registration end before it began
        assertThat(problems(household(RegistrationType.RESIDENCE_PERMIT, LocalDate.of(2016, 6, 20)), LifeEvents.Kind.PERMIT_EXPIRED,
                LocalDate.of(2016, 6, 1))).extracting(Problem::path, Problem::zh)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.date", "该成员于2016-06-20登记，事件日期须在此之后"));
    }

    private static List<Problem> problems(Household h, LifeEvents.Kind kind, LocalDate date) {
        return catchThrowableOfType(BadInput.class, () -> LifeEvents.apply(h, event(kind, "applicant", date), TODAY)).problems();
    }
}
