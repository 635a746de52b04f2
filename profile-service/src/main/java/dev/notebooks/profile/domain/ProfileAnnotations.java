package dev.notebooks.profile.domain;

import dev.notebooks.platform.events.Actor;
import java.util.Map;

/**
 * The annotations the REST API sets on a Profile so the reconciler, which announces every change it observes, knows
 * who made it. A change whose generation the API did not announce was made behind its back (kubectl). Registration
 * also marks a profile whose owner's account was deleted ({@link #OWNER_ACCOUNT}).
 */
public final class ProfileAnnotations {

    /** The user who made the API's last write. */
    public static final String CHANGED_BY = "notebooks.dev/changed-by";

    /** The generation the API's write produces: 1 on create, the old generation + 1 on a spec change. */
    public static final String CHANGED_BY_GENERATION = "notebooks.dev/changed-by-generation";

    /**
     * The service that wrote a profile on its own (registration); while {@link #CHANGED_BY} names the same service,
     * the write is the controller's. A later API write names its user, so this annotation stops applying.
     */
    public static final String CHANGED_BY_CONTROLLER = "notebooks.dev/changed-by-controller";

    /** The user deleting the profile through the API, set just before the delete. */
    public static final String DELETED_BY = "notebooks.dev/deleted-by";

    /**
     * Set to {@link #OWNER_ACCOUNT_DELETED} by registration while the owner has no account: the profile is kept but not
     * Ready. Metadata only, so the generation stays.
     */
    public static final String OWNER_ACCOUNT = "notebooks.dev/owner-account";

    public static final String OWNER_ACCOUNT_DELETED = "deleted";

    /** Kubeflow's annotation on the namespace naming the profile's owner. */
    public static final String NAMESPACE_OWNER = "owner";

    private ProfileAnnotations() {}

    /** @return the annotations the API writes with a create (generation 1) or a spec change (old generation + 1) */
    public static Map<String, String> changedBy(String user, long generation) {
        return Map.of(CHANGED_BY, user, CHANGED_BY_GENERATION, Long.toString(generation));
    }

    /** @return as {@link #changedBy}, for a write a service made on its own (e.g. registration) */
    public static Map<String, String> changedByController(String service, long generation) {
        return Map.of(
                CHANGED_BY, service, CHANGED_BY_GENERATION, Long.toString(generation), CHANGED_BY_CONTROLLER, service);
    }

    public static Map<String, String> deletedBy(String user) {
        return Map.of(DELETED_BY, user);
    }

    public static boolean ownerAccountDeleted(Profile profile) {
        return OWNER_ACCOUNT_DELETED.equals(annotations(profile).get(OWNER_ACCOUNT));
    }

    /**
     * @param manager who else wrote the generation, from {@code managedFields} ("unknown" if nobody says)
     * @return the API's user (or the service, for a controller's write) when it wrote this generation, otherwise the
     *     other writer via kubectl
     */
    public static Actor actorOf(Profile profile, String manager) {
        Map<String, String> annotations = annotations(profile);
        Long generation = profile.getMetadata().getGeneration();
        String user = annotations.get(CHANGED_BY);
        if (user != null
                && generation != null
                && Long.toString(generation).equals(annotations.get(CHANGED_BY_GENERATION))) {
            return user.equals(annotations.get(CHANGED_BY_CONTROLLER)) ? Actor.controller(user) : Actor.api(user);
        }
        return Actor.kubectl(manager == null ? "unknown" : manager);
    }

    /** @return the API's user when the API deleted the profile, otherwise the other writer via kubectl */
    public static Actor deleterOf(Profile profile, String manager) {
        String user = annotations(profile).get(DELETED_BY);
        return user != null ? Actor.api(user) : Actor.kubectl(manager == null ? "unknown" : manager);
    }

    private static Map<String, String> annotations(Profile profile) {
        Map<String, String> annotations = profile.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
