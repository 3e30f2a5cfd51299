package cn.huiyisheng.app.claims;

/** Claim bodies shared by the tests outside this package. */
public final class ClaimFlowTestData {

    public static final String SMALL_CLAIM = ClaimFlowTest.SMALL_CLAIM;

    private ClaimFlowTestData() {
    }
}
