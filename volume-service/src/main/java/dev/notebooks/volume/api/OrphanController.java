package dev.notebooks.volume.api;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.crud.CrudEnvelope;
import dev.notebooks.volume.service.VolumeUsage;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Map;

/**
 * Orphans: volumes no notebook has mounted for {@code volumes.orphan-after}, with size and class, so storage that is
 * paid for and unused is visible: a namespace's for its owner (and admins), every namespace's for admins.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class OrphanController {

    private final VolumeUsage usage;

    OrphanController(VolumeUsage usage) {
        this.usage = usage;
    }

    @Get("/namespaces/{namespace}/orphans")
    Map<String, Object> ofNamespace(@Parameter(hidden = true) Caller caller, @PathVariable String namespace) {
        return CrudEnvelope.ok(caller, "orphans", usage.orphans(caller, namespace));
    }

    @Get("/orphans")
    Map<String, Object> all(@Parameter(hidden = true) Caller caller) {
        return CrudEnvelope.ok(caller, "orphans", usage.allOrphans(caller));
    }
}
