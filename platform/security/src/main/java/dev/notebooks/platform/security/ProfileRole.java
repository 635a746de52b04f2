package dev.notebooks.platform.security;

/** What a caller is on a profile namespace, weakest first: each role may do everything the ones before it may. */
public enum ProfileRole {
    /** No access. */
    NONE,
    /** Contributor with Kubeflow's {@code view} role: reads. */
    VIEW,
    /** Contributor with Kubeflow's {@code edit} role: reads and changes workloads. */
    EDIT,
    /** The profile's owner: also manages contributors and the profile itself. */
    OWNER,
    /** A cluster admin: everything, on every profile. */
    ADMIN;

    /** Whether this role may do what {@code minimum} may. */
    public boolean allows(ProfileRole minimum) {
        return compareTo(minimum) >= 0;
    }

    /** The stronger of the two roles. */
    public ProfileRole max(ProfileRole other) {
        return allows(other) ? this : other;
    }
}
