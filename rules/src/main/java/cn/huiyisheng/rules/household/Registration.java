package cn.huiyisheng.rules.household;

import java.time.LocalDate;

/**
 * 户籍 or 居住证, over the time it holds.
 *
 * @param type     urban or rural hukou, residence permit, or none
 * @param district the Shenzhen district of registration, e.g. 福田区
 * @param since    when the hukou was registered or the residence permit issued
 * @param until    the first day it no longer holds (the hukou moved out of the city, the permit
 *                 expired), or null while it holds; before {@code since} and from {@code until}
 *                 on the person counts as registered nowhere here
 */
public record Registration(RegistrationType type, String district, LocalDate since, LocalDate until) {

    /** A registration that still holds. */
    public Registration(RegistrationType type, String district, LocalDate since) {
        this(type, district, since, null);
    }

    /** The type on {@code on}: {@link #type()} from {@code since} (if known) until {@code until}, otherwise none. */
    public RegistrationType typeOn(LocalDate on) {
        if (type == null || since != null && since.isAfter(on) || until != null && !until.isAfter(on)) {
            return RegistrationType.NONE;
        }
        return type;
    }
}
