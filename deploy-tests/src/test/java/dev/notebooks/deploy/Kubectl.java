package dev.notebooks.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl of this machine, as a platform team runs it. A machine without kubectl fails the test that uses it
 * ({@code .ci/run} installs Debian's kubernetes-client); it never skips.
 */
final class Kubectl {

    record Result(int exitCode, String output) {

        Result succeeded() {
            if (exitCode != 0) {
                throw new AssertionError("kubectl failed (" + exitCode + "): " + output);
            }
            return this;
        }
    }

    private final Path kubeconfig;

    Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    /** Runs kubectl with {@code stdin} (may be null). */
    Result run(String stdin, String... arguments) {
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
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", arguments) + " did not finish in 120 s");
            }
            String text = Files.readString(output);
            Files.deleteIfExists(output);
            return new Result(process.exitValue(), text);
        } catch (IOException e) {
            throw new AssertionError("kubectl could not run (is it installed? .ci/run installs kubernetes-client)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
