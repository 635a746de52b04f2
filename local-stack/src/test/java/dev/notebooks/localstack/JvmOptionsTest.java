package dev.notebooks.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The services' JVM options come from the root pom's jvm.flags, one place for the images and the local stack. */
class JvmOptionsTest {

    @Test
    void theSuitesOptionsAreTheRootPomsJvmFlags() {
        assertThat(JvmOptions.suite().flags())
                .isNotEmpty()
                .contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
                .noneMatch(flag -> flag.contains("${"));
    }

    @Test
    void optionsAreSplitAtWhiteSpace() {
        assertThat(JvmOptions.parse("  -Xss512k\n -XX:+UseSerialGC  ").flags())
                .containsExactly("-Xss512k", "-XX:+UseSerialGC");
    }
}
