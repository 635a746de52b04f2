package dev.notebooks.notebook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferencesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0",
                "jupyter/base-notebook",
                "localhost:5000/team/image:latest",
                "registry.example.com/a/b@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "busybox:1.36",
            })
    void imageReferences(String image) {
        assertThat(ImageReferences.isValid(image)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "team/Upper", "image:tag:tag", "has space", "registry.example.com/", "image@sha256:short"})
    void notImageReferences(String image) {
        assertThat(ImageReferences.isValid(image)).isFalse();
    }
}
