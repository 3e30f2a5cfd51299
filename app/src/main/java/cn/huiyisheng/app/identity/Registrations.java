package cn.huiyisheng.app.identity;

import cn.huiyisheng.app.audit.SecurityTrail;
import cn.huiyisheng.app.web.BadInput;
import cn.huiyisheng.app.web.Conflict;
import cn.huiyisheng.rules.household.Problem;
import cn.huiyisheng.rules.household.ResidentId;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * New applicants register themselves: username, name, resident ID number, phone, password. The
 * name and number are confirmed by the {@link RealNameVerifier} before the account exists; the
 * account belongs to that person from then on, and there is one account per person.
 */
@Service
public class Registrations {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,31}");
    private static final Pattern PHONE = Pattern.compile("1\\d{10}");

    @io.swagger.v3.oas.annotations.media.Schema(description = "An applicant's registration / 申请人注册")
    public record Registration(
            @io.swagger.v3.oas.annotations.media.Schema(example = "limei") String username,
            @io.swagger.v3.oas.annotations.media.Schema(description = "the name as on the resident ID", example = "李梅") String name,
            @io.swagger.v3.oas.annotations.media.Schema(description = "18 characters, checked (GB 11643) and verified by the real-name service",
                    example = "440304195803200249") String idNumber,
            @io.swagger.v3.oas.annotations.media.Schema(example = "13800138000") String phone,
            @io.swagger.v3.oas.annotations.media.Schema(description = "8 to 128 characters", format = "password") String password) {
    }

    /** What the new applicant is shown: their personal data masked. */
    public record Registered(String username, String name, String idNumber) {
    }

    private final Users users;
    private final RealNameVerifier verifier;
    private final SecurityTrail trail;

    public Registrations(Users users, RealNameVerifier verifier, SecurityTrail trail) {
        this.users = users;
        this.verifier = verifier;
        this.trail = trail;
    }

    public Registered register(Registration r) {
        List<Problem> problems = new ArrayList<>();
        if (r.username() == null || !USERNAME.matcher(r.username()).matches()) {
            problems.add(new Problem("$.username", r.username() == null ? "REQUIRED" : "INVALID_VALUE",
                    "3 to 32 lower-case letters, digits or . _ -, starting with a letter or digit", "用户名须为3至32位小写字母、数字或 . _ -"));
        }
        String name = r.name() == null ? null : r.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add(new Problem("$.name", "REQUIRED", "your name as on your resident ID card", "请填写身份证上的姓名"));
        } else if (name.length() > Limits.NAME) {
            problems.add(Limits.tooLong("$.name", Limits.NAME));
        }
        if (r.idNumber() == null || r.idNumber().isBlank()) {
            problems.add(new Problem("$.idNumber", "REQUIRED", "your 18-character resident ID number", "请填写18位身份证号码"));
        } else {
            ResidentId.defect(r.idNumber().strip()).ifPresent(d -> problems.add(new Problem("$.idNumber", "ID_NUMBER_INVALID",
                    "not a valid resident ID number: " + d.en(), "身份证号码无效：" + d.zh())));
        }
        if (r.phone() == null || !PHONE.matcher(r.phone().strip()).matches()) {
            problems.add(new Problem("$.phone", r.phone() == null ? "REQUIRED" : "INVALID_VALUE",
                    "an 11-digit mobile number starting with 1", "手机号码须为以1开头的11位数字"));
        }
        if (r.password() == null || r.password().length() < 8 || r.password().length() > 128) {
            problems.add(new Problem("$.password", r.password() == null ? "REQUIRED" : "INVALID_VALUE",
                    "a password of 8 to 128 characters", "密码须为8至128个字符"));
        }
        if (!problems.isEmpty()) {
            throw new BadInput(problems);
        }
        String idNumber = r.idNumber().strip();
        RealNameVerifier.Verification verified = verifier.verify(name, idNumber);
        if (!verified.verified()) {
            throw new BadInput("$.idNumber", "REAL_NAME_NOT_VERIFIED", "name and ID number could not be verified: " + verified.en(),
                    "姓名与身份证号码未通过实名核验：" + verified.zh());
        }
        switch (users.create(r.username(), r.password(), name, Set.of(Role.APPLICANT), idNumber, name, r.phone().strip())) {
            case USERNAME_TAKEN -> throw new Conflict("USERNAME_TAKEN", "the username " + r.username() + " is taken; choose another");
            case PERSON_HAS_ACCOUNT -> throw new Conflict("PERSON_HAS_ACCOUNT",
                    "this resident ID number already has an account; sign in with it, or ask the commission to recover it");
            case CREATED -> {
            }
        }
        trail.record(r.username(), SecurityTrail.Type.REGISTERED, "OK", "account " + r.username(), "real name verified");
        return new Registered(r.username(), ResidentId.maskName(name), ResidentId.mask(idNumber));
    }
}
