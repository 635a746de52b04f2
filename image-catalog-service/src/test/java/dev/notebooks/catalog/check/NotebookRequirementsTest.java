package dev.notebooks.catalog.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How each requirement reads an image config: what passes, what fails, and what the config cannot tell. */
class NotebookRequirementsTest {

    @ParameterizedTest(name = "User \"{0}\" is {1}")
    @CsvSource({
        "'', FAIL",
        "root, FAIL",
        "0, FAIL",
        "0:0, FAIL",
        "1001, FAIL",
        "jovyan, PASS",
        "1000, PASS",
        "jovyan:users, PASS",
        "1000:100, PASS",
        "rstudio, UNKNOWN"
    })
    void theUserMustBeJovyanOrUid1000(String user, CheckStatus expected) {
        assertThat(result(config(user, Map.of(), List.of("/init")), NotebookRequirements.USER)
                        .status())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "HOME {0} is {1}")
    @CsvSource({"/home/jovyan, PASS", "/root, FAIL", "'', UNKNOWN"})
    void homeMustBeTheMountedVolume(String home, CheckStatus expected) {
        Map<String, String> env = home.isEmpty() ? Map.of() : Map.of("HOME", home);

        assertThat(result(config("jovyan", env, List.of("/init")), NotebookRequirements.HOME)
                        .status())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "entrypoint {0}, cmd {1} is {2}")
    @CsvSource({"/init, '', PASS", "'', start-notebook.sh, PASS", "'', '', FAIL"})
    void anImageMustStartAServer(String entrypoint, String cmd, CheckStatus expected) {
        ImageConfig config = new ImageConfig(
                "jovyan",
                Set.of("8888/tcp"),
                Map.of(),
                entrypoint.isEmpty() ? List.of() : List.of(entrypoint),
                cmd.isEmpty() ? List.of() : List.of(cmd));

        assertThat(result(config, NotebookRequirements.ENTRYPOINT).status()).isEqualTo(expected);
    }

    private static ImageConfig config(String user, Map<String, String> env, List<String> entrypoint) {
        return new ImageConfig(user, Set.of("8888/tcp"), env, entrypoint, List.of());
    }

    private static RequirementResult result(ImageConfig config, String requirement) {
        return NotebookRequirements.check(config).stream()
                .filter(result -> result.requirement().equals(requirement))
                .findFirst()
                .orElseThrow();
    }
}
