package cn.huiyisheng.app.web;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How every page shows instants, money and personal data ({@code ${@fmt.time(…)}} in a template):
 * instants in Beijing time, amounts as {@code ¥21,920.00}, names, resident IDs and bank accounts
 * masked unless a page needs them whole.
 */
@Component("fmt")
public class Formats {

    public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BEIJING);

    /** An instant in Beijing time, to the minute; "—" for none. */
    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(BEIJING);

    /** The day of an instant in Beijing; "—" for none. */
    public String date(Instant at) {
        return at == null ? "—" : DATE.format(at);
    }

    /** An amount in yuan with thousands separators and two decimals ("¥21,920.00"); "—" for none. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("¥#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setParseBigDecimal(true);
        return f.format(amount);
    }

    /** An amount recorded as text (a message's values), as {@link #money(BigDecimal)}; "—" for none or not a number. */
    public String moneyText(String amount) {
        try {
            return amount == null || amount.isBlank() ? "—" : money(new BigDecimal(amount.strip()));
        } catch (NumberFormatException e) {
            return "—";
        }
    }

    /** A name with all but its first character masked ("李*", "欧阳**"). */
    public String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "—";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }

    private static final java.util.regex.Pattern LONG_NUMBER = java.util.regex.Pattern.compile("[0-9Xx]{6,}");

    /**
     * Free text staff typed (a life event's evidence) with every run of six or more digits masked but
     * its last four: a certificate or ID number in it is not shown whole ("死亡证明 No. ************0123").
     */
    public String maskNumbers(String text) {
        if (text == null || text.isBlank()) {
            return "—";
        }
        return LONG_NUMBER.matcher(text).replaceAll(m -> "*".repeat(m.group().length() - 4) + m.group().substring(m.group().length() - 4));
    }

    /** A resident ID with its first three and last characters shown ("440**************9"). */
    public String maskId(String id) {
        if (id == null || id.length() < 8) {
            return "—";
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 4) + id.substring(id.length() - 1);
    }

    /** A bank account with its first and last four digits shown ("6222***********3445"). */
    public String maskAccount(String account) {
        if (account == null || account.length() < 9) {
            return "—";
        }
        return account.substring(0, 4) + "*".repeat(account.length() - 8) + account.substring(account.length() - 4);
    }
}
