package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link TestProfile}s as the API returns it. */
public class TestProfileList extends CustomResourceList<TestProfile> {}
