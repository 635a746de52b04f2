package dev.notebooks.notebook.domain.status;

/**
 * JWA's {@code processed_status} of a notebook, what its list shows.
 *
 * @param phase one of {@link #READY}, {@link #WAITING}, {@link #WARNING}, {@link #STOPPED}, {@link #TERMINATING}
 * @param message what the user needs to know
 * @param state always empty, as in JWA
 */
public record ListPhase(String phase, String message, String state) {

    public static final String READY = "ready";
    public static final String WAITING = "waiting";
    public static final String WARNING = "warning";
    public static final String STOPPED = "stopped";
    public static final String TERMINATING = "terminating";

    static ListPhase of(String phase, String message) {
        return new ListPhase(phase, message, "");
    }
}
