package dev.notebooks.catalog.api;

import dev.notebooks.catalog.domain.ImageEdit;
import dev.notebooks.catalog.domain.ImageReference;
import dev.notebooks.catalog.domain.ImageRules;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.catalog.domain.ServerTypes;
import dev.notebooks.platform.web.JsonObjectReader;
import dev.notebooks.platform.web.Violations;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Reads and checks the image request bodies with the catalog's rules ({@link ImageRules}): a malformed reference, an
 * unknown server type, a blank display name, a bad tag, or a field the request does not have is answered 422 naming
 * every field at fault, before the image is checked or anything is written.
 */
final class ImageRequests {

    static final String IMAGE = "image";

    /** The name {@code image} had before it was named as Kubeflow names it; read for one release. */
    static final String REFERENCE = "reference";

    static final String SERVER_TYPE = "serverType";
    static final String DISPLAY_NAME = "displayName";
    static final String DESCRIPTION = "description";
    static final String TAGS = "tags";
    static final String DEFAULT_IMAGE = "defaultImage";
    static final String DEPRECATED = "deprecated";
    static final String OVERRIDE_CHECK = "overrideCheck";

    private static final Set<String> ADD_FIELDS =
            Set.of(IMAGE, REFERENCE, SERVER_TYPE, DISPLAY_NAME, DESCRIPTION, TAGS, DEFAULT_IMAGE, OVERRIDE_CHECK);
    private static final Set<String> UPDATE_FIELDS = Set.of(DISPLAY_NAME, DESCRIPTION, TAGS, DEFAULT_IMAGE, DEPRECATED);

    private ImageRequests() {}

    /** The request with its reference normalised. */
    static AddImageRequest add(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(ADD_FIELDS);
        String imageField = json.has(REFERENCE) && !json.has(IMAGE) ? REFERENCE : IMAGE;
        if (json.has(REFERENCE) && json.has(IMAGE)) {
            violations.add(REFERENCE, "is the old name of " + IMAGE + "; give only " + IMAGE);
        }
        String reference = json.requiredText(imageField)
                .map(value -> normalisedReference(imageField, value, violations))
                .orElse(null);
        String serverType = json.requiredText(SERVER_TYPE)
                .filter(value -> isServerType(value, violations))
                .orElse(null);
        String displayName = json.requiredText(DISPLAY_NAME)
                .filter(value -> isDisplayName(value, violations))
                .orElse(null);
        String description = json.text(DESCRIPTION)
                .filter(value -> isDescription(value, violations))
                .orElse(null);
        List<String> tags =
                json.texts(TAGS).filter(value -> areTags(value, violations)).orElse(List.of());
        boolean defaultImage = json.bool(DEFAULT_IMAGE).orElse(false);
        boolean overrideCheck = json.bool(OVERRIDE_CHECK).orElse(false);
        violations.throwIfAny();
        return new AddImageRequest(reference, serverType, displayName, description, tags, defaultImage, overrideCheck);
    }

    static ImageEdit update(@Nullable JsonNode body) {
        Violations violations = new Violations();
        JsonObjectReader json = JsonObjectReader.body(body, violations).allowOnly(UPDATE_FIELDS);
        String displayName = null;
        if (json.has(DISPLAY_NAME)) {
            displayName = json.requiredText(DISPLAY_NAME)
                    .filter(value -> isDisplayName(value, violations))
                    .orElse(null);
        }
        String description = null;
        if (json.has(DESCRIPTION)) {
            description = json.text(DESCRIPTION)
                    .filter(value -> isDescription(value, violations))
                    .orElse("");
        }
        List<String> tags = null;
        if (json.has(TAGS)) {
            tags = json.texts(TAGS).filter(value -> areTags(value, violations)).orElse(List.of());
        }
        Boolean defaultImage = json.bool(DEFAULT_IMAGE).orElse(null);
        Boolean deprecated = json.bool(DEPRECATED).orElse(null);
        violations.throwIfAny();
        return new ImageEdit(displayName, description, tags, defaultImage, deprecated);
    }

    private static String normalisedReference(String field, String value, Violations violations) {
        try {
            return ImageReference.parse(value).toString();
        } catch (InvalidImageException e) {
            violations.add(field, e.getMessage());
            return null;
        }
    }

    private static boolean isServerType(String value, Violations violations) {
        try {
            ServerTypes.parse(value);
            return true;
        } catch (InvalidImageException e) {
            violations.add(SERVER_TYPE, e.getMessage());
            return false;
        }
    }

    private static boolean isDisplayName(String value, Violations violations) {
        return follows(() -> ImageRules.displayName(value), violations);
    }

    private static boolean isDescription(String value, Violations violations) {
        return follows(() -> ImageRules.description(value), violations);
    }

    private static boolean areTags(List<String> tags, Violations violations) {
        return follows(() -> ImageRules.tags(tags), violations);
    }

    /** Whether the value follows the catalog's rule; records the rule's complaint when not. */
    private static boolean follows(Runnable rule, Violations violations) {
        try {
            rule.run();
            return true;
        } catch (InvalidImageException e) {
            violations.add(e.field(), e.getMessage());
            return false;
        }
    }
}
