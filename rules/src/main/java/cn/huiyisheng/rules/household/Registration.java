package cn.huiyisheng.rules.household;

import java.time.LocalDate;

/**
 * 户籍 or 居住证.
 *
 * @param type     urban or rural hukou, residence permit, or none
 * @param district the Shenzhen district of registration, e.g. 福田区
 * @param since    when the hukou was registered or the residence permit issued
 */
public record Registration(RegistrationType type, String district, LocalDate since) {
}
