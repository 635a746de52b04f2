package dev.notebooks.volume.api;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.web.crud.CrudEnvelope;
import dev.notebooks.volume.service.SnapshotService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.Map;

/**
 * Snapshots of volumes (CSI VolumeSnapshots): take one of a volume, list a volume's or the namespace's, delete one.
 * A snapshot is restored by creating a volume with {@code type: snapshot} ({@link VolumeController#create}).
 */
@Controller("/api/namespaces/{namespace}")
@ExecuteOn(TaskExecutors.BLOCKING)
class SnapshotController {

    private final SnapshotService snapshots;

    SnapshotController(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    /** Takes a snapshot, {@code {name}} optional; 422 naming {@code volume} when its class's driver cannot. */
    @Post("/pvcs/{name}/snapshots")
    HttpResponse<Map<String, Object>> create(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String namespace,
            @PathVariable String name,
            @Body @Nullable JsonNode body) {
        snapshots.require(caller, namespace, ProfileRole.EDIT, SnapshotService.CREATE, null);
        var created = snapshots.create(caller, namespace, name, VolumeRequests.snapshotName(body));
        return HttpResponse.created(
                CrudEnvelope.of(caller, 201, "snapshot", created),
                URI.create("/api/namespaces/" + namespace + "/snapshots/" + created.name()));
    }

    @Get("/pvcs/{name}/snapshots")
    Map<String, Object> ofVolume(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        return CrudEnvelope.ok(caller, "snapshots", snapshots.list(caller, namespace, name));
    }

    @Get("/snapshots")
    Map<String, Object> list(@Parameter(hidden = true) Caller caller, @PathVariable String namespace) {
        return CrudEnvelope.ok(caller, "snapshots", snapshots.list(caller, namespace, null));
    }

    @Delete("/snapshots/{snapshot}")
    Map<String, Object> delete(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String snapshot) {
        snapshots.delete(caller, namespace, snapshot);
        return CrudEnvelope.ok(caller, "message", "Snapshot " + snapshot + " successfully deleted.");
    }
}
