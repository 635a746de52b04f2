package dev.notebooks.platform.testing.kubernetes;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The CRDs of the suite, read from {@code crds/} on the class path: the files of {@code helm/notebook-platform/crds},
 * which the platform-testing jar packages, so the chart and the API double register the same definitions.
 */
final class SuiteCustomResourceDefinitions {

    static final List<String> FILES = List.of(
            "kubeflow.org_profiles.yaml",
            "kubeflow.org_notebooks.yaml",
            "kubeflow.org_poddefaults.yaml",
            "dex.coreos.com_passwords.yaml");

    private SuiteCustomResourceDefinitions() {}

    static List<CustomResourceDefinition> load() {
        return FILES.stream().map(SuiteCustomResourceDefinitions::read).toList();
    }

    private static CustomResourceDefinition read(String file) {
        String resource = "crds/" + file;
        try (InputStream yaml =
                SuiteCustomResourceDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (yaml == null) {
                throw new IllegalStateException(
                        resource + " is not on the class path (packaged from helm/notebook-platform/crds)");
            }
            return Serialization.unmarshal(yaml, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
