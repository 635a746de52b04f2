package dev.notebooks.volume.domain;

import dev.notebooks.platform.events.Actor;
import io.kubernetes.client.common.KubernetesObject;
import java.util.Map;

/**
 * What the REST API writes on the claims and snapshots it makes, changes and deletes, so the reconciler, which
 * announces every change it observes, knows whose it was. A change the annotations do not explain was made by someone
 * else (kubectl, notebook-service), named by the field manager.
 */
public final class VolumeAnnotations {

    /** The user who created it through the API. */
    public static final String CREATED_BY = "notebooks.dev/created-by";

    /** The user who last resized it through the API, and the size they asked for. */
    public static final String RESIZED_BY = "notebooks.dev/resized-by";

    public static final String RESIZED_TO = "notebooks.dev/resized-to";

    /** The user deleting it through the API, set just before the delete. */
    public static final String DELETED_BY = "notebooks.dev/deleted-by";

    private VolumeAnnotations() {}

    public static Actor creatorOf(KubernetesObject object, String manager) {
        String user = annotation(object, CREATED_BY);
        return user != null ? Actor.api(user) : other(manager);
    }

    /** The API's user when the API asked for exactly this size, otherwise whoever else wrote it. */
    public static Actor resizerOf(KubernetesObject object, String size, String manager) {
        String user = annotation(object, RESIZED_BY);
        return user != null && size.equals(annotation(object, RESIZED_TO)) ? Actor.api(user) : other(manager);
    }

    public static Actor deleterOf(KubernetesObject object, String manager) {
        String user = annotation(object, DELETED_BY);
        return user != null ? Actor.api(user) : other(manager);
    }

    /** A writer other than the API: a service's controller by its field manager, else kubectl. */
    static Actor other(String manager) {
        if (manager != null && manager.endsWith("-service")) {
            return Actor.controller(manager);
        }
        return Actor.kubectl(manager == null ? "unknown" : manager);
    }

    private static String annotation(KubernetesObject object, String key) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(key);
    }
}
