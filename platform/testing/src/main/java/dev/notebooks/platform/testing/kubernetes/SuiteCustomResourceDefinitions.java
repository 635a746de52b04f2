package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CRDs the API double serves from its start: the suite's own, read from {@code crds/} on the class path (the
 * files of {@code helm/notebook-platform/crds}, which the platform-testing jar packages, so the chart and the double
 * register the same definitions), and the third-party ones a cluster running the suite usually has (Istio's, the
 * CSI snapshot controller's) from {@code third-party-crds/}.
 */
final class SuiteCustomResourceDefinitions {

    static final List<String> FILES = List.of(
            "crds/kubeflow.org_profiles.yaml",
            "crds/kubeflow.org_notebooks.yaml",
            "crds/kubeflow.org_poddefaults.yaml",
            "crds/dex.coreos.com_passwords.yaml",
            "third-party-crds/third-party-crds.yaml");

    private SuiteCustomResourceDefinitions() {}

    static List<JsonNode> load() {
        List<JsonNode> crds = new ArrayList<>();
        FILES.forEach(file -> crds.addAll(read(file)));
        return crds;
    }

    private static List<JsonNode> read(String resource) {
        try (InputStream yaml =
                SuiteCustomResourceDefinitions.class.getClassLoader().getResourceAsStream(resource)) {
            if (yaml == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            List<JsonNode> documents = new ArrayList<>();
            try (MappingIterator<JsonNode> all =
                    Json.YAML.readerFor(JsonNode.class).readValues(yaml)) {
                while (all.hasNext()) {
                    JsonNode document = all.next();
                    if (document != null && document.isObject() && !document.isEmpty()) {
                        documents.add(document);
                    }
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }
}
