package dev.notebooks.platform.events;

import java.util.Objects;

/**
 * Who caused an event, and through which door.
 *
 * @param user the authenticated user (an email, as Kubeflow's gateway passes it) or, for {@link #controller}, the
 *     service name
 * @param via {@code api}, {@code kubectl} or {@code controller}
 */
public record Actor(String user, String via) {

    public static final String VIA_API = "api";
    public static final String VIA_KUBECTL = "kubectl";
    public static final String VIA_CONTROLLER = "controller";

    public Actor {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(via, "via");
    }

    /** A user calling a service's REST API. */
    public static Actor api(String user) {
        return new Actor(user, VIA_API);
    }

    /** A user writing the Kubernetes resource directly (kubectl apply), seen by the reconciler. */
    public static Actor kubectl(String user) {
        return new Actor(user, VIA_KUBECTL);
    }

    /** A service acting on its own, such as the idle culler or a reconciler. */
    public static Actor controller(String service) {
        return new Actor(service, VIA_CONTROLLER);
    }
}
