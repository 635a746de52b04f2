package dev.notebooks.profile.domain;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link Profile}s as the API returns it. */
public class ProfileList extends CustomResourceList<Profile> {}
