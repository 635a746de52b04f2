package dev.notebooks.volume.api;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.web.crud.CrudEnvelope;
import dev.notebooks.volume.service.VolumeService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.Map;

/**
 * VWA's volume routes ({@code apps/default/routes}), with its success envelope, plus resize ({@code PATCH}). Bodies
 * are read as JSON trees so every fault, unknown fields included, is answered 422 naming the field; the caller's
 * role is checked before the body is read.
 */
@Controller("/api/namespaces/{namespace}/pvcs")
@ExecuteOn(TaskExecutors.BLOCKING)
class VolumeController {

    private final VolumeService volumes;
    private final JsonMapper json;

    VolumeController(VolumeService volumes, JsonMapper json) {
        this.volumes = volumes;
        this.json = json;
    }

    /** Every volume of the namespace with its status and the notebooks that use it (VWA's {@code pvcs}). */
    @Get
    Map<String, Object> list(@Parameter(hidden = true) Caller caller, @PathVariable String namespace) {
        return CrudEnvelope.ok(
                caller,
                "pvcs",
                volumes.list(caller, namespace).stream().map(PvcView::of).toList());
    }

    /**
     * Creates a volume from VWA's form: {@code {name, mode, class, size, type}}; {@code class} may be VWA's
     * {@code {none}} (no class) or {@code {empty}} (the cluster default); {@code type: snapshot} with
     * {@code snapshot: <name>} restores one.
     */
    @Post
    HttpResponse<Map<String, Object>> create(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @Body @Nullable JsonNode body) {
        volumes.require(caller, namespace, ProfileRole.EDIT, VolumeService.CREATE, null);
        var created = volumes.create(caller, namespace, VolumeRequests.create(body));
        Map<String, Object> answer = CrudEnvelope.of(caller, 201, "message", "PVC created successfully.");
        answer.put("pvc", CrudEnvelope.raw(json, created));
        return HttpResponse.created(
                answer,
                URI.create("/api/namespaces/" + namespace + "/pvcs/"
                        + created.getMetadata().getName()));
    }

    /** The claim as Kubernetes has it (VWA's {@code pvc}). */
    @Get("/{name}")
    Map<String, Object> read(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        return CrudEnvelope.ok(caller, "pvc", CrudEnvelope.raw(json, volumes.get(caller, namespace, name)));
    }

    /** Grows the volume to {@code {size}}; the list shows the resize pending until its capacity follows. */
    @Patch("/{name}")
    Map<String, Object> resize(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String namespace,
            @PathVariable String name,
            @Body @Nullable JsonNode body) {
        volumes.require(caller, namespace, ProfileRole.EDIT, VolumeService.RESIZE, name);
        return CrudEnvelope.ok(
                caller, "pvc", PvcView.of(volumes.resize(caller, namespace, name, VolumeRequests.resize(body))));
    }

    /** Deletes the volume; 409 while any notebook mounts it, running or stopped, unless an admin forces it. */
    @Delete("/{name}")
    Map<String, Object> delete(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String namespace,
            @PathVariable String name,
            @Nullable @QueryValue Boolean force) {
        volumes.delete(caller, namespace, name, Boolean.TRUE.equals(force));
        return CrudEnvelope.ok(caller, "message", "PVC " + name + " successfully deleted.");
    }

    /** Every pod that mounts it (VWA's {@code pods}). */
    @Get("/{name}/pods")
    Map<String, Object> pods(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        return CrudEnvelope.ok(caller, "pods", CrudEnvelope.raw(json, volumes.pods(caller, namespace, name)));
    }

    /** Its Events, oldest first (VWA's {@code events}). */
    @Get("/{name}/events")
    Map<String, Object> events(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        return CrudEnvelope.ok(caller, "events", CrudEnvelope.raw(json, volumes.events(caller, namespace, name)));
    }
}
