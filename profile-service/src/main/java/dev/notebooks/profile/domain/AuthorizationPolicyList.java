package dev.notebooks.profile.domain;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link AuthorizationPolicy}s as the API returns it. */
public class AuthorizationPolicyList extends CustomResourceList<AuthorizationPolicy> {}
