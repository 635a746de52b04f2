package dev.notebooks.volume.domain;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link Notebook}, as the API server answers a list or watch. */
public class NotebookList extends CustomResourceList<Notebook> {}
