package dev.notebooks.notebook;

import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl of this machine against the tests' Kubernetes API, as a user runs it. A machine without kubectl fails
 * the test that uses it ({@code .ci/run} installs Debian's kubernetes-client), it does not skip it.
 */
public final class Kubectl {

    private final Path kubeconfig = KubernetesFixture.shared().kubeconfig();

    /** Runs kubectl and returns its output; a failure fails the test with kubectl's own words. */
    public String run(String... arguments) {
        return runWith(null, arguments);
    }

    /** {@code kubectl apply -f -} of the YAML. */
    public String apply(String yaml) {
        return runWith(yaml, "apply", "-f", "-");
    }

    public String runWith(String stdin, String... arguments) {
        List<String> command = new ArrayList<>(List.of("kubectl", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("kubectl", ".out");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", arguments) + " did not finish in 60 s");
            }
            String text = Files.readString(output);
            Files.deleteIfExists(output);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl " + String.join(" ", arguments) + " failed: " + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError("kubectl could not run (is it installed? .ci/run installs kubernetes-client)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
