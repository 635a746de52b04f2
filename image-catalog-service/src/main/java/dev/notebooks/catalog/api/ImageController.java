package dev.notebooks.catalog.api;

import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.catalog.domain.ServerTypes;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.catalog.service.ImageAdmission;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.UUID;

/**
 * The catalog's images: any user reads them, admins add, change and remove them. Bodies are read as JSON trees so
 * that every fault, unknown fields included, is answered 422 naming the field ({@link ImageRequests}).
 */
@Controller("/api/images")
@ExecuteOn(TaskExecutors.BLOCKING)
class ImageController {

    private final CatalogService catalog;
    private final ImageAdmission admission;
    private final Views views;

    ImageController(CatalogService catalog, ImageAdmission admission, Views views) {
        this.catalog = catalog;
        this.admission = admission;
        this.views = views;
    }

    /** The images, by server type then reference; deprecated ones only when asked for. */
    @Get
    Items<ImageView> list(
            @Parameter(hidden = true) Caller caller,
            @Nullable @QueryValue String serverType,
            @Nullable @QueryValue String tag,
            @Nullable @QueryValue Boolean includeDeprecated) {
        return new Items<>(catalog.list(serverType(serverType), tag, Boolean.TRUE.equals(includeDeprecated)).stream()
                .map(views::image)
                .toList());
    }

    @Get("/{id}")
    ImageView read(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return views.image(catalog.find(imageId(id)));
    }

    /** Checks the image and adds it (admins); an image that fails the check only with {@code overrideCheck}. */
    @Post
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ImageView.class)))
    HttpResponse<ImageView> add(
            @Parameter(hidden = true) Caller caller,
            @RequestBody(content = @Content(schema = @Schema(implementation = AddImageRequest.class))) @Body @Nullable
                    JsonNode body) {
        // authorization before validation: a caller without the right gets 403 whatever the body
        admission.requireAdmin(caller, ImageAdmission.ADD, null);
        AddImageRequest request = ImageRequests.add(body);
        ImageView added = views.image(admission.add(caller, request.toNewImage(), request.overridesCheck()));
        return HttpResponse.created(added, URI.create("/api/images/" + added.id()));
    }

    @Patch("/{id}")
    ImageView update(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String id,
            @RequestBody(content = @Content(schema = @Schema(implementation = UpdateImageRequest.class)))
                    @Body
                    @Nullable
                    JsonNode body) {
        admission.requireAdmin(caller, ImageAdmission.UPDATE, id);
        return views.image(catalog.edit(imageId(id), ImageRequests.update(body), Actor.api(caller.user())));
    }

    /** Removes the image (admins); 409 while notebooks run it, unless {@code force}. */
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void remove(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @QueryValue Boolean force) {
        admission.requireAdmin(caller, ImageAdmission.REMOVE, id);
        catalog.remove(imageId(id), Actor.api(caller.user()), Boolean.TRUE.equals(force));
    }

    /** The image's changes, oldest first; also for an image removed since. */
    @Get("/{id}/history")
    Items<ChangeView> history(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return new Items<>(
                catalog.history(imageId(id)).stream().map(views::change).toList());
    }

    /** A path's image id; one that is not a UUID names no image. */
    private static UUID imageId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.notFound("no image " + id + " in the catalog");
        }
    }

    private static @Nullable ServerType serverType(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return ServerTypes.parse(value);
        } catch (InvalidImageException e) {
            throw ApiProblems.invalid(ServerTypes.FIELD, e.getMessage());
        }
    }
}
