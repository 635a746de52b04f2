package dev.notebooks.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The JVM options every service runs with: the root pom's {@code jvm.flags} property (the one place they are set;
 * the images read the same property), copied into this module's {@code jvm.flags} resource by the build.
 *
 * @param flags the options, in order, such as {@code -XX:+UseSerialGC}
 */
record JvmOptions(List<String> flags) {

    static final String RESOURCE = "/dev/notebooks/localstack/jvm.flags";

    JvmOptions {
        flags = List.copyOf(flags);
    }

    /** @return the options of the root pom's {@code jvm.flags} */
    static JvmOptions suite() {
        try (InputStream in = JvmOptions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: build local-stack with Maven");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the options of a line separated by white space, as a shell would split it without quotes */
    static JvmOptions parse(String line) {
        return new JvmOptions(Arrays.stream(line.trim().split("\\s+"))
                .filter(flag -> !flag.isEmpty())
                .toList());
    }

    @Override
    public String toString() {
        return String.join(" ", flags);
    }
}
