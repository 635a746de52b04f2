package dev.notebooks.notebook.api;

import com.google.gson.JsonObject;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.spawner.NotebookPatch;
import dev.notebooks.notebook.service.NotebookService;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.platform.web.crud.CrudEnvelope;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import java.net.URI;
import java.util.Map;

/**
 * JWA's notebook routes ({@code apps/default/routes}) with its success envelope, plus editing a notebook by
 * {@code PATCH}. The caller's role is checked before the body is read.
 */
@Controller("/api/namespaces/{namespace}/notebooks")
@ExecuteOn(TaskExecutors.BLOCKING)
class NotebookController {

    private final NotebookService notebooks;
    private final JsonMapper json;

    NotebookController(NotebookService notebooks, JsonMapper json) {
        this.notebooks = notebooks;
        this.json = json;
    }

    /** Every notebook of the namespace in JWA's item shape, with its phase. */
    @Get
    Map<String, Object> list(@Parameter(hidden = true) Caller caller, @PathVariable String namespace) {
        return CrudEnvelope.ok(caller, "notebooks", notebooks.list(caller, namespace));
    }

    /** The Notebook as Kubernetes has it, plus {@code processed_status}. */
    @Get("/{name}")
    Map<String, Object> read(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        return CrudEnvelope.ok(caller, "notebook", notebooks.get(caller, namespace, name));
    }

    /** JWA's spawner form; 422 naming every field at fault, the namespace's quota included. */
    @Post
    HttpResponse<Map<String, Object>> create(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @Body @Nullable JsonNode body) {
        notebooks.require(caller, namespace, ProfileRole.EDIT, NotebookService.CREATE, null);
        JsonObject object = NotebookRequests.object(json, body);
        Notebook created = notebooks.create(
                caller, namespace, NotebookRequests.create(object), NotebookRequests.overrideCheck(object));
        Map<String, Object> answer = CrudEnvelope.of(caller, 201, "message", "Notebook created successfully.");
        return HttpResponse.created(
                answer, URI.create("/api/namespaces/" + namespace + "/notebooks/" + created.name()));
    }

    /**
     * {@code {stopped: true|false}} stops or starts (409 when already so); the edit fields (image, cpu, memory, limits,
     * gpus, datavols, configurations, affinityConfig, tolerationGroup) change the notebook, which restarts with them.
     */
    @Patch("/{name}")
    Map<String, Object> patch(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String namespace,
            @PathVariable String name,
            @Body @Nullable JsonNode body) {
        notebooks.require(caller, namespace, ProfileRole.EDIT, NotebookService.EDIT, name);
        JsonObject object = NotebookRequests.object(json, body);
        if (NotebookRequests.hasEdits(object)) {
            NotebookPatch edit = NotebookRequests.edit(object);
            if (object.has("stopped")) {
                throw ApiProblems.invalid("stopped", "cannot be combined with an edit: an edit starts the notebook");
            }
            notebooks.edit(caller, namespace, name, edit, NotebookRequests.overrideCheck(object));
            return CrudEnvelope.ok(caller, "message", "Notebook " + name + " updated successfully.");
        }
        Boolean stopped = NotebookRequests.stopped(object);
        if (stopped == null) {
            throw ApiProblems.invalid("stopped", "is required: true to stop, false to start, or an edit field");
        }
        notebooks.setStopped(caller, namespace, name, stopped);
        return CrudEnvelope.ok(caller, null, null);
    }

    @Delete("/{name}")
    Map<String, Object> delete(
            @Parameter(hidden = true) Caller caller, @PathVariable String namespace, @PathVariable String name) {
        notebooks.delete(caller, namespace, name);
        return CrudEnvelope.ok(caller, "message", "Notebook " + name + " successfully deleted.");
    }
}
