package dev.notebooks.catalog.domain;

/** Published inside the transaction of every catalog change; the spawner ConfigMap follows once it commits. */
public record CatalogChanged() {}
