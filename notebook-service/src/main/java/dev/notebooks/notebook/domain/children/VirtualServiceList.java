package dev.notebooks.notebook.domain.children;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link VirtualServiceResource}s as the API returns it. */
public class VirtualServiceList extends CustomResourceList<VirtualServiceResource> {}
