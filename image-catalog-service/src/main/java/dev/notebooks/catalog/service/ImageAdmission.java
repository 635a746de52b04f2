package dev.notebooks.catalog.service;

import dev.notebooks.catalog.check.CheckStatus;
import dev.notebooks.catalog.check.ImageCheckResult;
import dev.notebooks.catalog.check.ImageChecker;
import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.catalog.domain.ImageReference;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Collectors;

/**
 * Who may change the catalog (admins only; a refusal is audited), and the image check an image must pass before it is
 * added, unless the admin overrides it (the override is in the audit record of the add). The check reads a registry,
 * so it runs before, never inside, the catalog's transaction.
 */
@Singleton
public class ImageAdmission {

    public static final String KIND = CatalogService.KIND;
    public static final String ADD = "image.add";
    public static final String UPDATE = "image.update";
    public static final String REMOVE = "image.remove";

    /** The request field an image check failure is reported on. */
    public static final String IMAGE = "image";

    public static final String OVERRIDE_CHECK = "overrideCheck";

    private final CatalogService catalog;
    private final ImageChecker checker;
    private final Authorizer authorizer;
    private final JsonMapper json;

    ImageAdmission(CatalogService catalog, ImageChecker checker, Authorizer authorizer, JsonMapper json) {
        this.catalog = catalog;
        this.checker = checker;
        this.authorizer = authorizer;
        this.json = json;
    }

    /** @throws org.zalando.problem.ThrowableProblem 403, after a DENIED audit record, for anyone but an admin */
    public void requireAdmin(Caller caller, String action, String imageId) {
        authorizer.requireClusterAdmin(caller, action, KIND, imageId);
    }

    /**
     * Checks the image and adds it. A check that could not read the image (registry unreachable, credentials needed)
     * does not stand in the way: only a requirement the image is known to fail does.
     *
     * @param image the image as asked for; its check result is filled in here
     */
    public ImageEntry add(Caller caller, NewImage image, boolean overrideCheck) {
        requireAdmin(caller, ADD, null);
        ImageCheckResult check = checker.check(ImageReference.parse(image.reference()));
        if (check.failed() && !overrideCheck) {
            throw new InvalidImageException(
                    IMAGE,
                    "the image fails the notebook image check (" + failures(check) + "); set " + OVERRIDE_CHECK
                            + " to add it anyway");
        }
        return catalog.add(
                new NewImage(
                        image.reference(),
                        image.serverType(),
                        image.displayName(),
                        image.description(),
                        image.tags(),
                        image.defaultImage(),
                        text(check),
                        check.failed()),
                Actor.api(caller.user()));
    }

    private String text(ImageCheckResult check) {
        try {
            return json.writeValueAsString(check);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String failures(ImageCheckResult check) {
        return check.requirements().stream()
                .filter(requirement -> requirement.status() == CheckStatus.FAIL)
                .map(requirement -> requirement.requirement() + ": " + requirement.reason())
                .collect(Collectors.joining("; "));
    }
}
