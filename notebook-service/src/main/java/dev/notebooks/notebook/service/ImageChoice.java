package dev.notebooks.notebook.service;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.Violation;
import dev.notebooks.notebook.domain.images.CatalogImages;
import dev.notebooks.notebook.domain.images.ImageAdmission;
import dev.notebooks.notebook.domain.spawner.NotebookForm;
import dev.notebooks.notebook.domain.spawner.NotebookPatch;
import dev.notebooks.notebook.domain.spawner.SpawnerConfig;
import dev.notebooks.notebook.domain.spawner.SpawnerServerType;
import dev.notebooks.platform.web.ApiProblems;
import io.kubernetes.client.openapi.models.V1Container;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/** The image of a create or an edit, held against the catalog ({@link ImageAdmission}). */
final class ImageChoice {

    private ImageChoice() {}

    static String field(NotebookForm form) {
        return isSet(form.customImage()) ? "customImage" : "image";
    }

    static String field(NotebookPatch patch) {
        return isSet(patch.customImage()) ? "customImage" : "image";
    }

    /**
     * A form without an image for VS Code or RStudio gets that server type's default from the catalog, not the
     * Jupyter default the spawner's {@code image} holds (JWA's frontend always sends one; scripts may not).
     */
    static NotebookForm withServerTypeDefault(NotebookForm form, SpawnerConfig config, CatalogImages catalog) {
        if (isSet(form.image())
                || isSet(form.customImage())
                || (config.image() != null && config.image().readOnly())) {
            return form;
        }
        return SpawnerServerType.fromFormValue(form.serverType())
                .filter(type -> type != SpawnerServerType.JUPYTER)
                .flatMap(type -> catalog.defaultImage(type.serverType()))
                .map(image -> new NotebookForm(
                        form.name(),
                        image,
                        form.customImage(),
                        form.imagePullPolicy(),
                        form.serverType(),
                        form.cpu(),
                        form.cpuLimit(),
                        form.memory(),
                        form.memoryLimit(),
                        form.gpus(),
                        form.workspace(),
                        form.datavols(),
                        form.shm(),
                        form.configurations(),
                        form.affinityConfig(),
                        form.tolerationGroup()))
                .orElse(form);
    }

    /**
     * Refuses (422 naming {@code field}) an image the catalog does not allow for the notebook's server type; records on
     * the notebook the admin whose {@code overrideCheck} let a failed image check pass.
     */
    static void admit(CatalogImages catalog, Notebook notebook, String field, boolean override, String user) {
        String image = image(notebook);
        if (image == null) {
            return;
        }
        SpawnerServerType type = SpawnerServerType.fromAnnotation(
                        notebook.annotation(NotebookAnnotations.SERVER_TYPE).orElse(null))
                .orElse(SpawnerServerType.JUPYTER);
        List<Violation> violations = ImageAdmission.admit(catalog, type.serverType(), field, image, override);
        if (!violations.isEmpty()) {
            throw ApiProblems.invalid(violations.stream()
                    .map(v -> new io.micronaut.problem.violations.Violation(v.field(), v.message()))
                    .toList());
        }
        var metadata = notebook.getMetadata();
        if (override && ImageAdmission.needsOverride(catalog, image)) {
            if (metadata.getAnnotations() == null) {
                metadata.setAnnotations(new TreeMap<>());
            }
            metadata.getAnnotations().put(NotebookAnnotations.IMAGE_CHECK_OVERRIDDEN_BY, user);
        } else if (metadata.getAnnotations() != null) {
            metadata.getAnnotations().remove(NotebookAnnotations.IMAGE_CHECK_OVERRIDDEN_BY);
        }
    }

    static boolean changesImage(Notebook before, Notebook after) {
        return !Objects.equals(image(before), image(after));
    }

    private static String image(Notebook notebook) {
        return notebook.serverContainer().map(V1Container::getImage).orElse(null);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
