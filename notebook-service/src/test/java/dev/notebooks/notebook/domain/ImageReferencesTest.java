package dev.notebooks.notebook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
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

    @Test
    void referencesAreNormalisedAsDockerShowsThem() {
        assertThat(ImageReferences.normalised("docker.io/library/ubuntu:22.04")).isEqualTo("ubuntu:22.04");
        assertThat(ImageReferences.normalised("index.docker.io/team/lab")).isEqualTo("team/lab");
        assertThat(ImageReferences.normalised("GHCR.IO/team/lab:1")).isEqualTo("ghcr.io/team/lab:1");
        assertThat(ImageReferences.registry("localhost:5000/lab")).isEqualTo("localhost:5000");
        assertThat(ImageReferences.registry("team/lab")).isEqualTo("docker.io");
    }
}
