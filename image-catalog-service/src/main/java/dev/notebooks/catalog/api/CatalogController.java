package dev.notebooks.catalog.api;

import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.Violations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** The catalog as a whole, for any user: its history, as it was at a past time, and as the spawner sees it. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class CatalogController {

    private final CatalogService catalog;
    private final Views views;

    CatalogController(CatalogService catalog, Views views) {
        this.catalog = catalog;
        this.views = views;
    }

    /** Every change in {@code [since, until)}, oldest first; times are ISO-8601 instants. */
    @Get("/catalog/history")
    Items<ChangeView> history(
            @Parameter(hidden = true) Caller caller,
            @Nullable @QueryValue String since,
            @Nullable @QueryValue String until) {
        Violations violations = new Violations();
        Instant from = instant("since", since, violations);
        Instant to = instant("until", until, violations);
        violations.throwIfAny();
        return new Items<>(catalog.history(from, to).stream().map(views::change).toList());
    }

    /** The catalog as it was at {@code at} (now when absent), deprecated images included. */
    @Get("/catalog")
    CatalogSnapshot at(@Parameter(hidden = true) Caller caller, @Nullable @QueryValue String at) {
        Violations violations = new Violations();
        Instant time = instant("at", at, violations);
        violations.throwIfAny();
        Instant when = time != null ? time : Instant.now();
        return new CatalogSnapshot(
                when, catalog.catalogAt(when).stream().map(views::image).toList());
    }

    /** Kubeflow's {@code spawnerFormDefaults}, the catalog's part of it, as the spawner ConfigMap carries it. */
    @Get("/spawner-config")
    Map<String, Object> spawnerConfig(@Parameter(hidden = true) Caller caller) {
        return catalog.spawnerConfig().asMap();
    }

    private static @Nullable Instant instant(String field, @Nullable String value, Violations violations) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(field, "'" + value + "' is not an ISO-8601 instant such as 2025-01-31T12:00:00Z");
            return null;
        }
    }
}
