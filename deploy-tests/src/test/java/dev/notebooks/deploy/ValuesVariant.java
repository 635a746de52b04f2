package dev.notebooks.deploy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The values the chart is tested with: its defaults and the matrix of docs/deploy.md's set-ups. */
enum ValuesVariant {
    DEFAULTS(),
    TWO_REPLICAS("two-replicas.yaml"),
    ISTIO("istio.yaml"),
    DEX_TOKENS("dex-tokens.yaml"),
    EXTERNAL_TLS_SASL("external-tls-sasl.yaml"),
    OPERATORS("operators.yaml"),
    EVERYTHING("two-replicas.yaml", "istio.yaml", "dex-tokens.yaml", "operators.yaml"),
    /** What the services' tests run with: the RBAC proof's values. */
    RBAC_PROOF("rbac-proof.yaml");

    private final List<String> files;

    ValuesVariant(String... files) {
        this.files = Arrays.asList(files);
    }

    List<Path> valuesFiles() {
        return files.stream().map(ValuesVariant::resource).toList();
    }

    static Path resource(String file) {
        try {
            var url = ValuesVariant.class.getClassLoader().getResource("values/" + file);
            if (url == null) {
                throw new IllegalStateException("values/" + file + " is not on the test class path");
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
