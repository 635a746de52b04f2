package dev.notebooks.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The chart under test, rendered by Helm itself (helm-java bundles it) as {@code helm template} does. */
final class Chart {

    static final String RELEASE = "notebook-platform";
    static final String NAMESPACE = "notebook-platform";
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Rendered> RENDERED = new ConcurrentHashMap<>();

    private Chart() {}

    static Path directory() {
        Path chart = Path.of(System.getProperty("deploy-tests.chart", "../helm/notebook-platform"));
        if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new IllegalStateException("No chart at " + chart.toAbsolutePath());
        }
        return chart;
    }

    static LintResult lint() {
        return new Helm(directory()).lint().strict().call();
    }

    /** The chart rendered with a variant's values; each variant once per JVM. */
    static Rendered render(ValuesVariant variant) {
        return render(variant, NAMESPACE);
    }

    /** The chart rendered with a variant's values into a namespace; each once per JVM. */
    static Rendered render(ValuesVariant variant, String namespace) {
        return RENDERED.computeIfAbsent(
                variant + "@" + namespace, key -> render(variant.valuesFiles(), Map.of(), namespace));
    }

    /** The chart rendered with these values files (in order) and {@code --set} values; Helm's error as an exception. */
    static Rendered render(List<Path> valuesFiles, Map<String, Object> sets) {
        return render(valuesFiles, sets, NAMESPACE);
    }

    /** As {@link #render(List, Map)} into {@code namespace}. */
    static Rendered render(List<Path> valuesFiles, Map<String, Object> sets, String namespace) {
        TemplateCommand template =
                new Helm(directory()).template().withName(RELEASE).withNamespace(namespace);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (var set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return new Rendered(documents(template.call()));
    }

    private static List<JsonNode> documents(String yaml) {
        try (MappingIterator<JsonNode> all = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            while (all.hasNext()) {
                JsonNode document = all.next();
                if (document != null && document.isObject() && !document.isEmpty()) {
                    documents.add(document);
                }
            }
            return List.copyOf(documents);
        } catch (IOException e) {
            throw new UncheckedIOException("helm template wrote YAML that does not parse", e);
        }
    }

    /** What {@code helm template} wrote, one JSON tree per object. */
    record Rendered(List<JsonNode> objects) {

        List<JsonNode> ofKind(String kind) {
            return objects.stream()
                    .filter(o -> o.path("kind").asText().equals(kind))
                    .toList();
        }

        JsonNode one(String kind, String name) {
            return ofKind(kind).stream()
                    .filter(o -> o.path("metadata").path("name").asText().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered chart"));
        }

        String yaml() {
            StringBuilder all = new StringBuilder();
            for (JsonNode object : objects) {
                try {
                    all.append("---\n").append(YAML.writeValueAsString(object));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return all.toString();
        }
    }
}
