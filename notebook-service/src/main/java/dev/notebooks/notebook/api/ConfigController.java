package dev.notebooks.notebook.api;

import dev.notebooks.notebook.service.NotebookService;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.crud.CrudEnvelope;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Map;

/** JWA's {@code GET /api/config}: the spawner form's defaults, read live from the spawner ConfigMap. */
@Controller("/api/config")
@ExecuteOn(TaskExecutors.BLOCKING)
class ConfigController {

    private final NotebookService notebooks;

    ConfigController(NotebookService notebooks) {
        this.notebooks = notebooks;
    }

    @Get
    Map<String, Object> config(@Parameter(hidden = true) Caller caller) {
        return CrudEnvelope.ok(caller, "config", notebooks.spawnerDefaults());
    }
}
