package cn.huiyisheng.app.identity;

import cn.huiyisheng.rules.household.ResidentId;

/**
 * The embedded default's verifier: a valid GB 11643 number (check character, birth date) with a
 * name. It cannot know whether the number is really that person's: a deployment plugs in the
 * city's real-name service instead (README, "Accounts").
 */
public class ChecksumRealNameVerifier implements RealNameVerifier {

    @Override
    public Verification verify(String name, String idNumber) {
        if (name == null || name.isBlank()) {
            return Verification.refused("a name is required", "姓名为必填项");
        }
        return ResidentId.defect(idNumber)
                .map(d -> Verification.refused("not a valid resident ID number: " + d.en(), "身份证号码无效：" + d.zh()))
                .orElse(Verification.ok());
    }
}
