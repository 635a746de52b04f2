package dev.notebooks.catalog.api;

import dev.notebooks.catalog.ImageCatalog;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.catalog.domain.ServerTypes;
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

/**
 * The catalog's images: any user reads them, admins add, change and remove them. Bodies are read as JSON trees so
 * that every fault, unknown fields included, is answered 422 naming the field ({@link ImageRequests}).
 */
@Controller("/api/images")
@ExecuteOn(TaskExecutors.BLOCKING)
class ImageController {

    private final ImageCatalog catalog;
    private final Images images;
    private final Views views;

    ImageController(ImageCatalog catalog, Images images, Views views) {
        this.catalog = catalog;
        this.images = images;
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
        return views.image(catalog.find(Images.imageId(id)));
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
        ImageView added = images.add(caller, ImageRequests.add(body));
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
        return images.update(caller, id, ImageRequests.update(body));
    }

    /** Removes the image (admins); 409 while notebooks run it, unless {@code force}. */
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void remove(@Parameter(hidden = true) Caller caller, @PathVariable String id, @Nullable @QueryValue Boolean force) {
        images.remove(caller, id, Boolean.TRUE.equals(force));
    }

    /** The image's changes, oldest first; also for an image removed since. */
    @Get("/{id}/history")
    Items<ChangeView> history(@Parameter(hidden = true) Caller caller, @PathVariable String id) {
        return new Items<>(
                catalog.history(Images.imageId(id)).stream().map(views::change).toList());
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
