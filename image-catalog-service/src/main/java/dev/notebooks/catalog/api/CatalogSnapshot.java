package dev.notebooks.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** The catalog as it was at a time, deprecated images included. */
@Serdeable
public record CatalogSnapshot(Instant at, List<ImageView> items) {}
