package cn.huiyisheng.app.claims;

import cn.huiyisheng.app.claims.persistence.ClaimMapper;
import cn.huiyisheng.app.claims.persistence.ClaimPartyRow;
import cn.huiyisheng.app.identity.PersonKeys;
import cn.huiyisheng.rules.household.Child;
import cn.huiyisheng.rules.household.Household;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The persons a claim is about, by key: applicant, spouse, children (by name and birth date, and by
 * ID number when one is given). Recorded with the claim (and
 * again when the household is corrected), so that "is this staff member part of this claim's
 * household?" and "is this person in another claim?" are one indexed query each.
 */
@Component
public class ClaimParties {

    public static final String APPLICANT = "APPLICANT";
    public static final String SPOUSE = "SPOUSE";
    public static final String CHILD = "CHILD";

    private final ClaimMapper claims;
    private final PersonKeys keys;
    private final cn.huiyisheng.app.claims.persistence.ClaimRecords writer;

    public ClaimParties(ClaimMapper claims, PersonKeys keys, cn.huiyisheng.app.claims.persistence.ClaimRecords writer) {
        this.claims = claims;
        this.keys = keys;
        this.writer = writer;
    }

    /** The key of the household's applicant (the claim's {@code applicant_key}), or null when they have no ID number. */
    public String householdKey(Household h) {
        return h.applicant() != null && h.applicant().idNumber() != null ? keys.of(h.applicant().idNumber()) : null;
    }

    /**
     * The persons of a household by key with their role in it, as {@link #record} records them for a claim
     * (the claim id is 0 here): what the evaluation looks for in other claims.
     */
    public List<ClaimPartyRow> persons(Household h) {
        return of(0L, h);
    }

    private List<ClaimPartyRow> of(long claimId, Household h) {
        Set<ClaimPartyRow> rows = new LinkedHashSet<>();
        String household = householdKey(h);
        if (household != null) {
            rows.add(new ClaimPartyRow(claimId, household, APPLICANT, household));
        }
        if (h.spouse() != null && h.spouse().idNumber() != null) {
            rows.add(new ClaimPartyRow(claimId, keys.of(h.spouse().idNumber()), SPOUSE, household));
        }
        for (Child c : h.children()) {
            if (c.birthDate() != null) {
                rows.add(new ClaimPartyRow(claimId, keys.ofChild(c.name(), c.birthDate()), CHILD, household));
            }
            if (c.idNumber() != null) {
                // a grown child with an ID number is a person like the parents (a staff member, say)
                rows.add(new ClaimPartyRow(claimId, keys.of(c.idNumber()), CHILD, household));
            }
        }
        return new ArrayList<>(rows);
    }

    public void record(long claimId, Household h) {
        List<ClaimPartyRow> rows = of(claimId, h);
        if (!rows.isEmpty()) {
            writer.insertParties(rows);
        }
    }

    public void replace(long claimId, Household h) {
        claims.deleteParties(claimId);
        record(claimId, h);
    }
}
