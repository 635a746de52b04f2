package dev.notebooks.notebook.domain;

import java.util.regex.Pattern;

/** Container image references, with the grammar of the distribution project ({@code reference/regexp.go}). */
public final class ImageReferences {

    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final Pattern REFERENCE = Pattern.compile(NAME + "(?::" + TAG + ")?(?:@" + DIGEST + ")?");

    private ImageReferences() {}

    public static final String DOCKER_HUB = "docker.io";

    /**
     * The registry a reference pulls from, as Docker decides: the first path component when it has a dot or a port or
     * is {@code localhost}, else Docker Hub ({@code index.docker.io} is Docker Hub too).
     */
    public static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return DOCKER_HUB;
        }
        String first = image.substring(0, slash);
        if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            return DOCKER_HUB;
        }
        String host = first.toLowerCase(java.util.Locale.ROOT);
        return host.equals("index.docker.io") ? DOCKER_HUB : host;
    }

    /**
     * The short form Docker shows, as image-catalog-service stores references: Docker Hub's registry and its
     * {@code library/} namespace dropped, the registry host lower-cased; two references to one image compare equal.
     */
    public static String normalised(String image) {
        String trimmed = image.strip();
        String registry = registry(trimmed);
        int slash = trimmed.indexOf('/');
        boolean namesRegistry = slash >= 0 && !registry.equals(DOCKER_HUB)
                || slash >= 0 && isDockerHubHost(trimmed.substring(0, slash));
        String rest = namesRegistry ? trimmed.substring(slash + 1) : trimmed;
        if (registry.equals(DOCKER_HUB)) {
            return rest.startsWith("library/") ? rest.substring("library/".length()) : rest;
        }
        return registry + "/" + rest;
    }

    private static boolean isDockerHubHost(String first) {
        String host = first.toLowerCase(java.util.Locale.ROOT);
        return host.equals(DOCKER_HUB) || host.equals("index.docker.io");
    }

    public static boolean isValid(String image) {
        return image != null
                && image.length() <= 4096
                && REFERENCE.matcher(image).matches();
    }
}
