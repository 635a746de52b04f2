package dev.notebooks.catalog.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCI image reference, {@code [registry/]repository[:tag][@digest]}, following the grammar of the distribution
 * project's reference package. Parsing normalises it to the short form Docker shows: Docker Hub's registry
 * ({@code docker.io}, {@code index.docker.io}) and its {@code library/} namespace are dropped, the registry host is
 * lower-cased. Two references to the same image therefore compare equal as strings.
 *
 * @param registry the registry host (and port); {@code docker.io} when the reference names none
 * @param repository the repository path, such as {@code kubeflownotebookswg/jupyter-scipy}
 * @param tag the tag, null when absent (registries then serve {@code latest} unless a digest is given)
 * @param digest such as {@code sha256:<64 hex>}, null when absent
 */
public record ImageReference(String registry, String repository, String tag, String digest) {

    public static final String DOCKER_HUB = "docker.io";

    private static final String DOCKER_HUB_LEGACY = "index.docker.io";
    private static final String OFFICIAL_NAMESPACE = "library/";
    private static final int MAX_NAME_LENGTH = 255;

    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern REGISTRY = Pattern.compile(
            "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
                    + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("([a-z0-9]+(?:[+._-][a-z0-9]+)*):([0-9a-fA-F]{32,})");

    /**
     * Parses and normalises a reference.
     *
     * @throws InvalidReferenceException naming what is wrong with it
     */
    public static ImageReference parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidReferenceException("an image reference is required");
        }
        String rest = value.strip();
        if (!rest.equals(value)) {
            throw new InvalidReferenceException("'" + value + "' has leading or trailing spaces");
        }
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = digest(rest.substring(at + 1));
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            if (!TAG.matcher(tag).matches()) {
                throw new InvalidReferenceException("tag '" + tag
                        + "' must be 1 to 128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
            }
            rest = rest.substring(0, colon);
        }
        if (rest.isEmpty()) {
            throw new InvalidReferenceException("'" + value + "' names no repository");
        }
        if (rest.length() > MAX_NAME_LENGTH) {
            throw new InvalidReferenceException("the name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0 && isRegistry(rest.substring(0, slash))) {
            registry = rest.substring(0, slash).toLowerCase();
            rest = rest.substring(slash + 1);
            if (!REGISTRY.matcher(registry).matches()) {
                throw new InvalidReferenceException(
                        "registry '" + registry + "' is not a host name with an optional port");
            }
        }
        if (rest.isEmpty()) {
            throw new InvalidReferenceException("'" + value + "' names no repository");
        }
        if (registry.equals(DOCKER_HUB_LEGACY)) {
            registry = DOCKER_HUB;
        }
        for (String component : rest.split("/", -1)) {
            if (!PATH_COMPONENT.matcher(component).matches()) {
                throw new InvalidReferenceException("repository '" + rest + "': component '" + component
                        + "' must be lower-case letters and digits, separated by '.', '_', '__' or '-'");
            }
        }
        if (registry.equals(DOCKER_HUB) && rest.startsWith(OFFICIAL_NAMESPACE)) {
            rest = rest.substring(OFFICIAL_NAMESPACE.length());
        }
        return new ImageReference(registry, rest, tag, digest);
    }

    /** @return whether the reference is valid, without saying why not */
    public static boolean isValid(String value) {
        try {
            parse(value);
            return true;
        } catch (InvalidReferenceException e) {
            return false;
        }
    }

    // as Docker decides: the first component is a registry if it has a dot or a port, or is localhost
    private static boolean isRegistry(String component) {
        return component.contains(".")
                || component.contains(":")
                || component.equals("localhost")
                || !component.equals(component.toLowerCase());
    }

    private static String digest(String value) {
        Matcher matcher = DIGEST.matcher(value);
        if (!matcher.matches()) {
            throw new InvalidReferenceException(
                    "digest '" + value + "' must be <algorithm>:<hex>, such as sha256:<64 hex digits>");
        }
        if (matcher.group(1).equals("sha256") && matcher.group(2).length() != 64) {
            throw new InvalidReferenceException("a sha256 digest has 64 hex digits");
        }
        return value;
    }

    /** @return the repository path as the registry's API names it: {@code library/} added for official images */
    public String remoteRepository() {
        return registry.equals(DOCKER_HUB) && !repository.contains("/") ? OFFICIAL_NAMESPACE + repository : repository;
    }

    /** @return what to ask the registry's manifest endpoint for: the digest, else the tag, else {@code latest} */
    public String manifestReference() {
        if (digest != null) {
            return digest;
        }
        return tag != null ? tag : "latest";
    }

    /** @return the normalised reference, such as {@code ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0} */
    @Override
    public String toString() {
        String name = registry.equals(DOCKER_HUB) ? repository : registry + "/" + repository;
        return name + (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }
}
