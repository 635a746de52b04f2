package dev.notebooks.notebook.domain;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link Notebook}s as the API returns it. */
public class NotebookList extends CustomResourceList<Notebook> {}
