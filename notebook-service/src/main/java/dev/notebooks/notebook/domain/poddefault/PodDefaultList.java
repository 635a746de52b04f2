package dev.notebooks.notebook.domain.poddefault;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link PodDefault}s as the API returns it. */
public class PodDefaultList extends CustomResourceList<PodDefault> {}
