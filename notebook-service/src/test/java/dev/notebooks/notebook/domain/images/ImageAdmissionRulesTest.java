package dev.notebooks.notebook.domain.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Violation;
import dev.notebooks.platform.events.ServerType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageAdmissionRulesTest {

    static final String SCIPY = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";
    static final String OLD = "kubeflownotebookswg/jupyter-scipy:v1.8.0";
    static final String ROOT = "ghcr.io/example/root:1";
    static final String ACCEPTED_ROOT = "ghcr.io/example/accepted-root:1";
    static final String CODE = "ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver:v1.10.0";

    static CatalogImages catalog(boolean allowCustom, List<String> registries) {
        return CatalogImages.of(
                allowCustom,
                registries,
                List.of(
                        new CatalogImage(SCIPY, ServerType.JUPYTER, false, "pass", List.of(), false),
                        new CatalogImage(OLD, ServerType.JUPYTER, true, null, List.of(), false),
                        new CatalogImage(ROOT, ServerType.JUPYTER, false, "fail", List.of("user-1000"), false),
                        new CatalogImage(ACCEPTED_ROOT, ServerType.JUPYTER, false, "fail", List.of("port"), true),
                        new CatalogImage(CODE, ServerType.VSCODE, false, "unchecked", List.of(), false)),
                Map.of(ServerType.VSCODE, CODE));
    }

    static List<Violation> admit(CatalogImages catalog, String image, boolean override) {
        return ImageAdmission.admit(catalog, ServerType.JUPYTER, "image", image, override);
    }

    @Test
    void anOfferedImageOfTheServerTypeIsAdmitted() {
        assertThat(admit(catalog(false, List.of()), SCIPY, false)).isEmpty();
    }

    @Test
    void aDeprecatedImageIsRefusedHoweverItIsSpelt() {
        CatalogImages catalog = catalog(true, List.of());
        assertThat(admit(catalog, OLD, false)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("image");
            assertThat(v.message()).contains("deprecated");
        });
        assertThat(admit(catalog, "docker.io/" + OLD, false)).hasSize(1);
        assertThat(admit(catalog, "index.docker.io/" + OLD, false)).hasSize(1);
    }

    @Test
    void anotherServerTypesImageIsRefused() {
        assertThat(admit(catalog(true, List.of()), CODE, false)).singleElement().satisfies(v -> assertThat(v.message())
                .contains("vscode"));
    }

    @Test
    void aKnownFailureNeedsAnOverrideUnlessTheCatalogsAdminAcceptedIt() {
        CatalogImages catalog = catalog(true, List.of());
        assertThat(admit(catalog, ROOT, false)).singleElement().satisfies(v -> assertThat(v.message())
                .contains("user-1000", "overrideCheck"));
        assertThat(admit(catalog, ROOT, true)).isEmpty();
        assertThat(ImageAdmission.needsOverride(catalog, ROOT)).isTrue();
        assertThat(admit(catalog, ACCEPTED_ROOT, false)).isEmpty();
        assertThat(ImageAdmission.needsOverride(catalog, ACCEPTED_ROOT)).isFalse();
    }

    @Test
    void customImagesOnlyWhenAllowedAndFromAnAllowedRegistry() {
        assertThat(admit(catalog(true, List.of()), "jupyter/base-notebook", false))
                .isEmpty();
        assertThat(admit(catalog(false, List.of()), "jupyter/base-notebook", false))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("allowCustomImage"));
        CatalogImages onlyGhcr = catalog(true, List.of("ghcr.io"));
        assertThat(admit(onlyGhcr, "ghcr.io/team/lab:1", false)).isEmpty();
        assertThat(admit(onlyGhcr, "jupyter/base-notebook", false))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("docker.io"));
        assertThat(admit(onlyGhcr, "localhost:5000/lab", false)).hasSize(1);
    }

    @Test
    void theCheckShownNamesWhoOverrodeAFailure() {
        CatalogImages catalog = catalog(true, List.of());
        assertThat(ImageCheckView.of(catalog, ROOT, "admin@example.com").overriddenBy())
                .isEqualTo("admin@example.com");
        assertThat(ImageCheckView.of(catalog, ACCEPTED_ROOT, null).overriddenBy())
                .isEqualTo("catalog");
        assertThat(ImageCheckView.of(catalog, SCIPY, null).asMap())
                .containsEntry("status", "pass")
                .containsEntry("source", "catalog");
        assertThat(ImageCheckView.of(catalog, "ghcr.io/team/lab:1", null).asMap())
                .containsEntry("status", "unchecked")
                .containsEntry("source", "custom");
    }
}
