package dev.notebooks.platform.events;

/**
 * How events name their resource in {@code subject} (and so in the Kafka key): {@code namespace/name} for notebooks
 * and volumes, the profile name for profiles, the image id for catalog images, the user id for accounts.
 */
public final class Subjects {

    private Subjects() {}

    public static String namespaced(String namespace, String name) {
        return namespace + "/" + name;
    }
}
