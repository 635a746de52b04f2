package dev.notebooks.notebook.domain;

/** The annotation and label keys Kubeflow's controller, culler and web app read and write on a Notebook. */
public final class NotebookAnnotations {

    /** Present (any value) while the notebook is stopped; the culler and JWA write an RFC 3339 time. */
    public static final String STOPPED = "kubeflow-resource-stopped";

    public static final String SERVER_TYPE = "notebooks.kubeflow.org/server-type";
    public static final String CREATOR = "notebooks.kubeflow.org/creator";
    public static final String LAST_ACTIVITY = "notebooks.kubeflow.org/last-activity";
    /** Kubeflow's culler writes it on every check; this service never does, and removes nothing of it. */
    public static final String LAST_ACTIVITY_CHECK = "notebooks.kubeflow.org/last_activity_check_timestamp";

    public static final String HTTP_REWRITE_URI = "notebooks.kubeflow.org/http-rewrite-uri";
    public static final String HTTP_HEADERS_REQUEST_SET = "notebooks.kubeflow.org/http-headers-request-set";

    /**
     * This service's own: the idle time after which this one notebook is culled, overriding the service's setting
     * (minutes as Kubeflow's {@code CULL_IDLE_TIME}, or a duration such as {@code 2h}, {@code 90m}, {@code PT2H};
     * {@code 0} or {@code never} for never).
     */
    public static final String CULL_IDLE_TIME = "notebooks.dev/cull-idle-time";

    /**
     * This service's own: set by the culler to the same value as {@link #STOPPED} in the same write, so whoever sees the
     * stop annotation can tell a cull from a user's stop (a later stop has another value).
     */
    public static final String CULLED_AT = "notebooks.dev/culled-at";

    /**
     * This service's own: the user whose spawner API request last changed the Notebook, for the actor of {@code
     * notebook.updated.v1} and {@code notebook.stopped.v1} (the creator annotation names who created it).
     */
    /**
     * The cluster admin who let the notebook run an image whose check failed ({@code overrideCheck: true}); kept on the
     * Notebook so the list shows the failure as overridden, and by whom.
     */
    public static final String IMAGE_CHECK_OVERRIDDEN_BY = "notebooks.dev/image-check-overridden-by";

    public static final String UPDATED_BY = "notebooks.dev/updated-by";

    /** Pod-template labels Kubeflow's controller sets; the Service and the pod watch select on them. */
    public static final String STATEFULSET_LABEL = "statefulset";

    public static final String NOTEBOOK_NAME_LABEL = "notebook-name";

    /** JWA's label on every Notebook it creates. */
    public static final String APP_LABEL = "app";

    private NotebookAnnotations() {}
}
