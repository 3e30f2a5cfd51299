package cn.huiyisheng.app.policy;

import java.util.OptionalLong;

/**
 * A draft's impact simulation as the draft's own view and the console use it (the simulation lives in
 * the impact module, which depends on this one: this port keeps the dependency one way).
 */
public interface DraftImpactFigures {

    /**
     * How many sealed decisions the draft would change, from its latest simulation, if that one
     * finished and ran on the draft as it is now (this revision and workbook); empty otherwise.
     */
    OptionalLong decisionsChanged(long draftId, int revision, String sha256);

    /** The draft's latest simulation as the API shows it (state, progress, figures), as a map for the console's pages; empty if none. */
    java.util.Optional<java.util.Map<String, Object>> latestView(long draftId);

    /**
     * The changed persons behind a figure of the draft's latest simulation, masked, as a map for the
     * console (total, page, size, rows); empty if the draft was never simulated.
     */
    java.util.Optional<java.util.Map<String, Object>> claimsView(long draftId, String benefit, String category, String district,
                                                                 String registration, int page);

    /** Starts a simulation of the draft (409 IMPACT_RUNNING while one runs). */
    void simulate(cn.huiyisheng.app.identity.CurrentUser user, long draftId);

    /** Asks the draft's running simulation to stop. */
    void cancelSimulation(cn.huiyisheng.app.identity.CurrentUser user, long draftId);
}
