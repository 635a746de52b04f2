package dev.notebooks.profile.domain;

import java.util.Map;

/**
 * The annotations of a Profile and its namespace this service reads or writes: registration marks a profile whose
 * owner's account was deleted ({@link #OWNER_ACCOUNT}). Who made a change is never taken from an annotation (anyone who
 * can edit the Profile could set one): the service records its own writes in PostgreSQL.
 */
public final class ProfileAnnotations {

    /**
     * Set to {@link #OWNER_ACCOUNT_DELETED} by registration while the owner has no account: the profile is kept but not
     * Ready. Metadata only, so the generation stays.
     */
    public static final String OWNER_ACCOUNT = "notebooks.dev/owner-account";

    public static final String OWNER_ACCOUNT_DELETED = "deleted";

    /** Kubeflow's annotation on the namespace naming the profile's owner. */
    public static final String NAMESPACE_OWNER = "owner";

    private ProfileAnnotations() {}

    public static boolean ownerAccountDeleted(Profile profile) {
        return OWNER_ACCOUNT_DELETED.equals(annotations(profile).get(OWNER_ACCOUNT));
    }

    private static Map<String, String> annotations(Profile profile) {
        Map<String, String> annotations = profile.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
