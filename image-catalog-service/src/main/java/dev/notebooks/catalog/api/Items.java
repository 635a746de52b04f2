package dev.notebooks.catalog.api;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** A list answer, as an object so it can grow fields (paging) without breaking clients. */
@Serdeable
public record Items<T>(List<T> items) {}
