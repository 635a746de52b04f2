package dev.notebooks.profile.domain;

import dev.notebooks.platform.kube.ResourceType;

/** The custom resources this service reads and writes. */
public final class ProfileResources {

    public static final ResourceType<Profile> PROFILES =
            ResourceType.clusterScoped("kubeflow.org", "v1", "Profile", "profiles", Profile.class, ProfileList.class);

    /** Istio's policies, written only when {@code profiles.istio-authorization-policies} is on. */
    public static final ResourceType<AuthorizationPolicy> AUTHORIZATION_POLICIES = ResourceType.namespaced(
            "security.istio.io",
            "v1beta1",
            "AuthorizationPolicy",
            "authorizationpolicies",
            AuthorizationPolicy.class,
            AuthorizationPolicyList.class);

    private ProfileResources() {}
}
