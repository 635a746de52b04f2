package dev.notebooks.catalog.api;

import dev.notebooks.catalog.ImageCatalog;
import dev.notebooks.catalog.check.CheckStatus;
import dev.notebooks.catalog.check.ImageCheckResult;
import dev.notebooks.catalog.check.ImageChecker;
import dev.notebooks.catalog.domain.ImageEdit;
import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.catalog.domain.ImageReference;
import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.catalog.domain.ServerTypes;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The catalog's changes as the API makes them: admins only (a refusal is audited), and an image is added only after
 * its image check, which it must pass unless the admin overrides it (the override is in the audit record of the add).
 */
@Singleton
class Images {

    static final String KIND = "CatalogImage";

    private final ImageCatalog catalog;
    private final ImageChecker checker;
    private final Authorizer authorizer;
    private final Views views;

    Images(ImageCatalog catalog, ImageChecker checker, Authorizer authorizer, Views views) {
        this.catalog = catalog;
        this.checker = checker;
        this.authorizer = authorizer;
        this.views = views;
    }

    /**
     * Checks the image and adds it. A check that could not read the image (registry unreachable, credentials needed)
     * does not stand in the way: only a requirement the image is known to fail does.
     */
    ImageView add(Caller caller, AddImageRequest request) {
        authorizer.requireClusterAdmin(caller, "image.add", KIND, null);
        ImageCheckResult check = checker.check(ImageReference.parse(request.reference()));
        if (check.failed() && !Boolean.TRUE.equals(request.overrideCheck())) {
            throw ApiProblems.invalid(
                    ImageRequests.REFERENCE,
                    "the image fails the notebook image check (" + failures(check) + "); set "
                            + ImageRequests.OVERRIDE_CHECK + " to add it anyway");
        }
        ImageEntry added = catalog.add(
                new NewImage(
                        request.reference(),
                        ServerTypes.parse(request.serverType()),
                        request.displayName(),
                        request.description(),
                        request.tags(),
                        Boolean.TRUE.equals(request.defaultImage()),
                        views.text(check),
                        check.failed()),
                Actor.api(caller.user()));
        return views.image(added);
    }

    ImageView update(Caller caller, String id, ImageEdit edit) {
        authorizer.requireClusterAdmin(caller, "image.update", KIND, id);
        return views.image(catalog.edit(imageId(id), edit, Actor.api(caller.user())));
    }

    void remove(Caller caller, String id, boolean force) {
        authorizer.requireClusterAdmin(caller, "image.remove", KIND, id);
        catalog.remove(imageId(id), Actor.api(caller.user()), force);
    }

    /** A path's image id; one that is not a UUID names no image. */
    static UUID imageId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.notFound("no image " + id + " in the catalog");
        }
    }

    private static String failures(ImageCheckResult check) {
        return check.requirements().stream()
                .filter(requirement -> requirement.status() == CheckStatus.FAIL)
                .map(requirement -> requirement.requirement() + ": " + requirement.reason())
                .collect(Collectors.joining("; "));
    }
}
