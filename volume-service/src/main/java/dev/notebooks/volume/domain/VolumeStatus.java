package dev.notebooks.volume.domain;

/**
 * VWA's status of a volume in the list.
 *
 * @param phase {@code ready}, {@code waiting}, {@code warning}, {@code unavailable} or {@code terminating}
 * @param message what a user reads
 * @param state the reason behind it ({@code Bound}, an Event's reason, {@code Resizing})
 */
public record VolumeStatus(String phase, String message, String state) {

    public static final String READY = "ready";
    public static final String WAITING = "waiting";
    public static final String WARNING = "warning";
    public static final String UNAVAILABLE = "unavailable";
    public static final String TERMINATING = "terminating";
}
