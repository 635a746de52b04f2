package dev.notebooks.catalog.controller;

import dev.notebooks.catalog.domain.ImageConflictException;
import dev.notebooks.catalog.domain.ImageEdit;
import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.catalog.domain.ImageNotFoundException;
import dev.notebooks.catalog.domain.ImageReference;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.catalog.domain.SpawnerFormDefaults;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A hand edit of the spawner ConfigMap's images made into catalog changes, as an administrator running
 * {@code kubectl edit cm jupyter-web-app-config} means them: an image added to a dropdown is added, one taken out is
 * removed, a new {@code value} becomes the default, each recorded in the catalog's history and announced with the
 * editor as actor. What the catalog's rules refuse (removing an image notebooks run or the default, leaving no default,
 * a malformed reference) is not adopted; the reasons come back so the publisher can put it back and say why.
 */
final class HandEditAdoption {

    private static final Map<String, ServerType> GROUPS = Map.of(
            SpawnerFormDefaults.IMAGE, ServerType.JUPYTER,
            SpawnerFormDefaults.IMAGE_GROUP_ONE, ServerType.VSCODE,
            SpawnerFormDefaults.IMAGE_GROUP_TWO, ServerType.RSTUDIO);

    private final CatalogService catalog;
    private final Actor editor;
    private final List<String> refused = new ArrayList<>();

    private HandEditAdoption(CatalogService catalog, Actor editor) {
        this.catalog = catalog;
        this.editor = editor;
    }

    /**
     * @param edited the catalog's part of the ConfigMap as the editor left it ({@code SpawnerYaml.catalogPart()})
     * @param published what the catalog published, before the edit
     * @return why each part not adopted was refused; empty when all of it was
     */
    static List<String> adopt(
            CatalogService catalog, Map<String, Object> edited, SpawnerFormDefaults published, Actor editor) {
        HandEditAdoption adoption = new HandEditAdoption(catalog, editor);
        Map<String, Object> before = published.asMap();
        for (String key : List.of(
                SpawnerFormDefaults.ALLOW_CUSTOM_IMAGE,
                SpawnerFormDefaults.HIDE_REGISTRY,
                SpawnerFormDefaults.HIDE_TAG)) {
            // a key taken out of the file is not an edit of it: the publisher writes it again
            if (edited.get(key) != null && !Objects.equals(edited.get(key), before.get(key))) {
                adoption.refused.add(key + " comes from the service's configuration (catalog." + kebab(key) + ")");
            }
        }
        for (Map.Entry<String, ServerType> group : GROUPS.entrySet()) {
            Optional<Group> editedGroup = group(edited.get(group.getKey()));
            // a dropdown taken out of the file (or its options) is not emptied: the publisher writes it again
            if (editedGroup.isPresent()) {
                adoption.group(
                        group.getValue(),
                        editedGroup.get(),
                        group(before.get(group.getKey())).orElse(new Group(null, List.of())));
            }
        }
        return adoption.refused;
    }

    private void group(ServerType serverType, Group edited, Group published) {
        for (String reference : edited.options()) {
            if (!published.options().contains(reference)) {
                attempt(
                        reference,
                        () -> catalog.add(NewImage.of(reference, serverType, displayName(reference)), editor));
            }
        }
        if (!Objects.equals(edited.value(), published.value())) {
            if (edited.value() == null || edited.value().isBlank()) {
                refused.add(serverType.value() + " needs a default image; the value cannot be emptied");
            } else {
                attempt(
                        edited.value(),
                        () -> catalog.edit(
                                find(serverType, edited.value()).id(),
                                new ImageEdit(null, null, null, true, null),
                                editor));
            }
        }
        for (String reference : published.options()) {
            if (!edited.options().contains(reference)) {
                attempt(
                        reference,
                        () -> catalog.remove(find(serverType, reference).id(), editor, false));
            }
        }
    }

    private void attempt(String reference, Runnable change) {
        try {
            change.run();
        } catch (ImageConflictException | InvalidImageException | ImageNotFoundException e) {
            refused.add(reference + ": " + e.getMessage());
        }
    }

    private ImageEntry find(ServerType serverType, String reference) {
        String normalised = normalised(reference);
        return catalog.list(serverType, null, true).stream()
                .filter(image -> image.reference().equals(normalised))
                .findFirst()
                .orElseThrow(() -> new InvalidImageException(
                        "image", reference + " is not a " + serverType.value() + " image of the catalog"));
    }

    private static String normalised(String reference) {
        try {
            return ImageReference.parse(reference).toString();
        } catch (RuntimeException e) {
            return reference;
        }
    }

    /** The name after the last {@code /}, such as {@code jupyter-scipy:v1.10.0}. */
    private static String displayName(String reference) {
        return reference.substring(reference.lastIndexOf('/') + 1);
    }

    private static String kebab(String key) {
        return key.replaceAll("([A-Z])", "-$1").toLowerCase();
    }

    private record Group(String value, List<String> options) {}

    private static Optional<Group> group(Object found) {
        if (!(found instanceof Map<?, ?> map) || !(map.get("options") instanceof List<?> list)) {
            return Optional.empty();
        }
        Object value = map.get("value");
        Set<String> options = new LinkedHashSet<>();
        // as the catalog writes them, so "docker.io/x/y:1" and "x/y:1" are one image
        list.stream()
                .filter(Objects::nonNull)
                .map(String::valueOf)
                .map(HandEditAdoption::normalised)
                .forEach(options::add);
        return Optional.of(new Group(
                Optional.ofNullable(value)
                        .map(String::valueOf)
                        .filter(text -> !text.isBlank())
                        .map(HandEditAdoption::normalised)
                        .orElse(null),
                List.copyOf(options)));
    }
}
