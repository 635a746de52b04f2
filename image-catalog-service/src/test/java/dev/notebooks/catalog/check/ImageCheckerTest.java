package dev.notebooks.catalog.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.notebooks.catalog.domain.ImageReference;
import io.micronaut.json.JsonMapper;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Image checks against the registry double, which serves real manifests, indexes and configs. */
class ImageCheckerTest {

    private static RegistryDouble registry;
    private static ImageChecker checker;

    @BeforeAll
    static void startRegistry() {
        registry = RegistryDouble.start();
        checker = new ImageChecker(new ImageCheckSettings(), JsonMapper.createDefault());
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void aCompliantImagePassesEveryRequirementTheConfigShows() {
        ImageCheckResult result = check(RegistryDouble.COMPLIANT);

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.digest()).isEqualTo(registry.digestOf(RegistryDouble.COMPLIANT));
        assertThat(result.platform()).isEqualTo("linux/amd64");
        assertThat(result.requirements())
                .extracting(RequirementResult::requirement, RequirementResult::status)
                .containsExactly(
                        tuple("port-8888", CheckStatus.PASS),
                        tuple("user-jovyan", CheckStatus.PASS),
                        tuple("home-jovyan", CheckStatus.PASS),
                        tuple("entrypoint", CheckStatus.PASS),
                        tuple("nb-prefix", CheckStatus.UNKNOWN));
        assertThat(result.reason()).isNull();
    }

    @Test
    void anImageThatRunsAsRootFailsTheUserRequirementWithTheReason() {
        ImageCheckResult result = check(RegistryDouble.ROOT);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(requirement(result, "user-jovyan").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(requirement(result, "user-jovyan").reason()).contains("runs as root");
        assertThat(requirement(result, "port-8888").status()).isEqualTo(CheckStatus.PASS);
        assertThat(requirement(result, "home-jovyan").status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(requirement(result, "entrypoint").reason()).contains("jupyter");
    }

    @Test
    void anImageWithoutPort8888FailsThePortRequirementNamingWhatItExposes() {
        ImageCheckResult result = check(RegistryDouble.NO_PORT);

        assertThat(result.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(requirement(result, "port-8888").status()).isEqualTo(CheckStatus.FAIL);
        assertThat(requirement(result, "port-8888").reason()).contains("8080/tcp");
        assertThat(requirement(result, "user-jovyan").status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aMultiArchImageIsCheckedOnItsLinuxAmd64Manifest() {
        ImageCheckResult result = check(RegistryDouble.MULTI_ARCH);

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.digest()).isEqualTo(registry.multiArchAmd64Digest());
        assertThat(result.platform()).isEqualTo("linux/amd64");
    }

    @Test
    void anImageBehindTokenAuthIsReadWithAnAnonymousPullToken() {
        int tokensBefore = registry.tokensIssued();

        ImageCheckResult result = check(RegistryDouble.PRIVATE);

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(registry.tokensIssued()).isEqualTo(tokensBefore + 1);
    }

    @Test
    void anImageTheRegistryDoesNotHaveIsUnknownWithTheRegistrysAnswer() {
        ImageCheckResult result = check(RegistryDouble.MISSING);

        assertThat(result.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(result.reason()).contains("404").contains("MANIFEST_UNKNOWN");
        assertThat(result.requirements()).extracting(RequirementResult::status).containsOnly(CheckStatus.UNKNOWN);
    }

    @Test
    void aDigestReferenceIsVerifiedAgainstTheManifestServed() {
        String digest = registry.digestOf(RegistryDouble.COMPLIANT);

        ImageCheckResult result = checker.check(ImageReference.parse(registry.image("notebooks/jupyter@" + digest)));

        assertThat(result.status()).isEqualTo(CheckStatus.PASS);
        assertThat(result.digest()).isEqualTo(digest);
    }

    @Test
    void anUnreachableRegistryIsUnknownNotAnError() {
        ImageCheckResult result = checker.check(ImageReference.parse("localhost:1/notebooks/jupyter:v1"));

        assertThat(result.status()).isEqualTo(CheckStatus.UNKNOWN);
        assertThat(result.reason()).contains("cannot reach localhost");
    }

    @Test
    void registriesAreReachedOverHttpsUnlessLocalOrConfiguredInsecure() {
        ImageCheckSettings settings = new ImageCheckSettings();
        settings.setInsecureRegistries(List.of("registry.lab:5000"));
        ImageChecker configured = new ImageChecker(settings, JsonMapper.createDefault());

        assertThat(configured.registryUri("docker.io")).hasToString("https://registry-1.docker.io");
        assertThat(configured.registryUri("ghcr.io")).hasToString("https://ghcr.io");
        assertThat(configured.registryUri("localhost:5000")).hasToString("http://localhost:5000");
        assertThat(configured.registryUri("127.0.0.1")).hasToString("http://127.0.0.1");
        assertThat(configured.registryUri("registry.lab:5000")).hasToString("http://registry.lab:5000");
        assertThat(configured.registryUri("registry.lab")).hasToString("https://registry.lab");
    }

    private ImageCheckResult check(String image) {
        return checker.check(ImageReference.parse(registry.image(image)));
    }

    private static RequirementResult requirement(ImageCheckResult result, String name) {
        return result.requirements().stream()
                .filter(r -> r.requirement().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
