package dev.notebooks.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "kubeflownotebookswg/jupyter-scipy:v1.9.0, kubeflownotebookswg/jupyter-scipy:v1.9.0",
        "docker.io/kubeflownotebookswg/jupyter-scipy:v1.9.0, kubeflownotebookswg/jupyter-scipy:v1.9.0",
        "index.docker.io/library/ubuntu:22.04, ubuntu:22.04",
        "ubuntu, ubuntu",
        "GHCR.IO/kubeflow/kubeflow/notebook-servers/jupyter:v1.10.0,"
                + " ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter:v1.10.0",
        "localhost:5000/team/lab:dev, localhost:5000/team/lab:dev",
        "registry.example.com:8443/a__b/c.d-e:1.0_rc, registry.example.com:8443/a__b/c.d-e:1.0_rc",
        "ghcr.io/x/y@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef,"
                + " ghcr.io/x/y@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    })
    void parsesAndNormalises(String value, String normalised) {
        assertThat(ImageReference.parse(value).toString()).isEqualTo(normalised);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Kubeflow/Jupyter:1 | lower-case",
                "ghcr.io/x/y:-bad | tag '-bad'",
                "ghcr.io/x/y@sha256:abc | digest",
                "ghcr.io/x/y@sha256:0123456789abcdef0123456789abcdef | 64 hex",
                "ghcr.io/x//y:1 | component ''",
                "ghcr.io/x/y: | tag ''",
                "' ubuntu' | spaces",
                "ghcr.io/ | names no repository",
            })
    void namesWhatIsWrong(String value, String complaint) {
        assertThatThrownBy(() -> ImageReference.parse(value))
                .isInstanceOfSatisfying(InvalidReferenceException.class, e -> {
                    assertThat(e.field()).isEqualTo("image");
                    assertThat(e.getMessage()).contains(complaint);
                });
    }

    @ParameterizedTest(name = "{0} asks the registry for {1} at {2}")
    @CsvSource({
        "ubuntu, library/ubuntu, latest",
        "kubeflownotebookswg/jupyter:v1.9.0, kubeflownotebookswg/jupyter, v1.9.0",
        "ghcr.io/x/y:1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef, x/y,"
                + " sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    })
    void namesWhatToFetch(String value, String repository, String manifest) {
        ImageReference reference = ImageReference.parse(value);

        assertThat(reference.remoteRepository()).isEqualTo(repository);
        assertThat(reference.manifestReference()).isEqualTo(manifest);
    }
}
