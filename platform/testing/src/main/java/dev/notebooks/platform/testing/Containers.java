package dev.notebooks.platform.testing;

/**
 * Whether the fixtures should start Testcontainers instead of embedded servers: only where Docker exists, when
 * asked with {@code -Dplatform.testing.containers=true}. The Testcontainers artifacts are optional dependencies
 * of this module; a build that asks for containers adds {@code org.testcontainers:postgresql} and
 * {@code org.testcontainers:kafka} to its test class path.
 */
public final class Containers {

    public static final String PROPERTY = "platform.testing.containers";

    private Containers() {}

    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }
}
