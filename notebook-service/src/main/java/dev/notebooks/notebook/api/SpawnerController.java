package dev.notebooks.notebook.api;

import dev.notebooks.notebook.service.NotebookService;
import dev.notebooks.notebook.service.SpawnerResources;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.crud.CrudEnvelope;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Map;

/** JWA's read routes besides the notebooks themselves, with its envelope and field names. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class SpawnerController {

    private final SpawnerResources resources;
    private final NotebookService notebooks;
    private final JsonMapper json;

    SpawnerController(SpawnerResources resources, NotebookService notebooks, JsonMapper json) {
        this.resources = resources;
        this.notebooks = notebooks;
        this.json = json;
    }

    @Get("/namespaces/{namespace}/notebooks/{name}/pod")
    Map<String, Object> pod(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        return CrudEnvelope.ok(caller, "pod", CrudEnvelope.raw(json, resources.pod(caller, namespace, name)));
    }

    @Get("/namespaces/{namespace}/notebooks/{name}/pod/{pod}/logs")
    Map<String, Object> logs(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String namespace,
            @PathVariable String name,
            @PathVariable String pod) {
        return CrudEnvelope.ok(caller, "logs", resources.logs(caller, namespace, name, pod));
    }

    @Get("/namespaces/{namespace}/notebooks/{name}/events")
    Map<String, Object> events(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        return CrudEnvelope.ok(caller, "events", CrudEnvelope.raw(json, resources.events(caller, namespace, name)));
    }

    @Get("/namespaces/{namespace}/poddefaults")
    Map<String, Object> podDefaults(@Parameter(hidden = true) Caller caller, @PathVariable String namespace) {
        return CrudEnvelope.ok(caller, "poddefaults", resources.podDefaults(caller, namespace));
    }

    @Get("/namespaces/{namespace}/pvcs")
    Map<String, Object> pvcs(@Parameter(hidden = true) Caller caller, @PathVariable String namespace) {
        return CrudEnvelope.ok(caller, "pvcs", resources.claims(caller, namespace));
    }

    @Get("/gpus")
    Map<String, Object> gpus(@Parameter(hidden = true) Caller caller) {
        return CrudEnvelope.ok(caller, "vendors", resources.gpuVendors(notebooks.spawnerConfig()));
    }

    @Get("/storageclasses")
    Map<String, Object> storageClasses(@Parameter(hidden = true) Caller caller) {
        return CrudEnvelope.ok(caller, "storageClasses", resources.storageClasses());
    }

    @Get("/storageclasses/default")
    Map<String, Object> defaultStorageClass(@Parameter(hidden = true) Caller caller) {
        return CrudEnvelope.ok(caller, "defaultStorageClass", resources.defaultStorageClass());
    }

    @Get("/namespaces")
    Map<String, Object> namespaces(@Parameter(hidden = true) Caller caller) {
        return CrudEnvelope.ok(caller, "namespaces", resources.namespaces(caller));
    }
}
