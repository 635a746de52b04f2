package dev.notebooks.catalog.api;

import dev.notebooks.catalog.CatalogSettings;
import dev.notebooks.catalog.check.ImageCheckResult;
import dev.notebooks.catalog.check.ImageChecker;
import dev.notebooks.catalog.domain.ImageReference;
import dev.notebooks.catalog.domain.InvalidReferenceException;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.platform.web.JsonObjectReader;
import dev.notebooks.platform.web.Violations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.util.Set;

/**
 * Checks an image against Kubeflow's notebook image requirements, reading its manifest and config from its
 * registry. Any user may check an image, to see whether a custom image will work; a user who is not an admin only
 * from the registries custom images may come from ({@code catalog.allowed-registries}), so the service does not
 * fetch from wherever a user points it.
 */
@Controller("/api/images/check")
@ExecuteOn(TaskExecutors.BLOCKING)
class ImageCheckController {

    static final String IMAGE = "image";

    private final ImageChecker checker;
    private final CatalogSettings settings;

    ImageCheckController(ImageChecker checker, CatalogSettings settings) {
        this.checker = checker;
        this.settings = settings;
    }

    @Post
    ImageCheckResult check(
            @Parameter(hidden = true) Caller caller,
            @RequestBody(content = @Content(schema = @Schema(implementation = CheckImageRequest.class))) @Body @Nullable
                    JsonNode body) {
        ImageReference image = imageOf(body);
        if (!caller.admin() && !settings.allowsRegistry(image.registry())) {
            throw ApiProblems.invalid(
                    IMAGE, "registry " + image.registry() + " is not one of " + settings.getAllowedRegistries());
        }
        return checker.check(image);
    }

    private static ImageReference imageOf(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(Set.of(IMAGE));
        String image = json.requiredText(IMAGE).orElse(null);
        violations.throwIfAny();
        try {
            return ImageReference.parse(image);
        } catch (InvalidReferenceException e) {
            throw ApiProblems.invalid(IMAGE, e.getMessage());
        }
    }
}
