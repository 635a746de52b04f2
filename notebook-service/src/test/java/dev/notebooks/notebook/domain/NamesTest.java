package dev.notebooks.notebook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"my-notebook", "a", "nb2", "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefgh"})
    void notebookNamesKubernetesAcceptsForEveryChild(String name) {
        assertThat(Names.notebookNameProblem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "My-Notebook",
                "1notebook",
                "-nb",
                "nb-",
                "nb.x",
                "nb_x",
                "abcdefghij-abcdefghij-abcdefghij-abcdefghij-abcdefghi",
                ""
            })
    void notebookNamesThatWouldFailOnTheServiceOrThePods(String name) {
        assertThat(Names.notebookNameProblem(name)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "access-ml-pipeline, true",
        "kubeflow.org/gpu, true",
        "a/b/c, false",
        "-x, false",
        "x_y.z, true",
        "'', false"
    })
    void labelKeys(String key, boolean valid) {
        assertThat(Names.isLabelKey(key)).isEqualTo(valid);
    }
}
