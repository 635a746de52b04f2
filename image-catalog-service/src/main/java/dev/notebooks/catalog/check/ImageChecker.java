package dev.notebooks.catalog.check;

import dev.notebooks.catalog.domain.ImageReference;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an image against Kubeflow's notebook image requirements by reading its manifest and config from its
 * registry: a multi-arch index resolves to its linux/amd64 manifest, whose config blob says how the image runs.
 * Nothing is pulled but those few small documents.
 */
@Singleton
public class ImageChecker {

    static final String OS = "linux";
    static final String ARCHITECTURE = "amd64";

    /** Docker Hub's API host; references name it {@code docker.io}. */
    private static final String DOCKER_HUB_API = "registry-1.docker.io";

    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final ImageCheckSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    ImageChecker(ImageCheckSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Checks the image; a registry that cannot be reached or read makes the result {@code unknown}, not an error. */
    public ImageCheckResult check(ImageReference image) {
        try {
            RepositoryConnection repository = new RepositoryConnection(
                    http, json, settings.getRequestTimeout(), registryUri(image.registry()), image.remoteRepository());
            RegistryDocument manifest = platformManifest(repository, repository.manifest(image.manifestReference()));
            String configDigest = descriptorDigest(field(read(manifest), "config"), "the manifest's config");
            JsonNode config = read(repository.blob(configDigest));
            return ImageCheckResult.of(
                    image.toString(),
                    manifest.digest(),
                    text(config, "os").orElse("?") + "/"
                            + text(config, "architecture").orElse("?"),
                    NotebookRequirements.check(imageConfig(config)));
        } catch (RegistryException e) {
            return ImageCheckResult.unreadable(image.toString(), e.getMessage());
        }
    }

    /** The image manifest itself, or for an index (a multi-arch image) the linux/amd64 manifest it lists. */
    private RegistryDocument platformManifest(RepositoryConnection repository, RegistryDocument document) {
        String mediaType = mediaType(document);
        if (MediaTypes.MANIFESTS.contains(mediaType)) {
            return document;
        }
        if (!MediaTypes.INDEXES.contains(mediaType)) {
            throw new RegistryException("the registry served a manifest of type '" + mediaType
                    + "', which is neither an OCI nor a Docker v2 image manifest or index");
        }
        JsonNode manifests = field(read(document), "manifests");
        for (JsonNode entry : manifests.values()) {
            JsonNode platform = entry.get("platform");
            if (platform != null
                    && text(platform, "os").filter(OS::equals).isPresent()
                    && text(platform, "architecture")
                            .filter(ARCHITECTURE::equals)
                            .isPresent()) {
                RegistryDocument manifest = repository.manifest(descriptorDigest(entry, "the index entry"));
                if (!MediaTypes.MANIFESTS.contains(mediaType(manifest))) {
                    throw new RegistryException("the linux/amd64 entry of the index is not an image manifest");
                }
                return manifest;
            }
        }
        throw new RegistryException("the multi-arch image has no " + OS + "/" + ARCHITECTURE + " manifest");
    }

    private ImageConfig imageConfig(JsonNode blob) {
        JsonNode config = Optional.ofNullable(blob.get("config")).orElse(JsonNode.createObjectNode(Map.of()));
        Set<String> ports = new LinkedHashSet<>();
        Optional.ofNullable(config.get("ExposedPorts"))
                .filter(JsonNode::isObject)
                .ifPresent(exposed -> exposed.entries().forEach(port -> ports.add(port.getKey())));
        Map<String, String> env = new LinkedHashMap<>();
        for (String variable : strings(config, "Env")) {
            String[] nameAndValue = variable.split("=", 2);
            env.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
        }
        return new ImageConfig(
                text(config, "User").orElse(""), ports, env, strings(config, "Entrypoint"), strings(config, "Cmd"));
    }

    /** Plain HTTP for a registry on this machine or one configured as insecure; HTTPS for every other. */
    URI registryUri(String registry) {
        String host = registry.equals(ImageReference.DOCKER_HUB) ? DOCKER_HUB_API : registry;
        String hostWithoutPort = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.split(":")[0];
        boolean insecure = LOCAL_HOSTS.contains(hostWithoutPort)
                || settings.getInsecureRegistries().contains(registry);
        return URI.create((insecure ? "http://" : "https://") + host);
    }

    private String mediaType(RegistryDocument document) {
        // the manifest's own mediaType field is what a registry's Content-Type should repeat; some send neither right
        return text(read(document), "mediaType").orElse(document.mediaType());
    }

    private JsonNode read(RegistryDocument document) {
        try {
            JsonNode node = json.readValue(document.content(), JsonNode.class);
            if (node == null || !node.isObject()) {
                throw new RegistryException(
                        "the registry served " + document.digest() + ", which is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new RegistryException("the registry served " + document.digest() + ", which is not JSON", e);
        }
    }

    private static String descriptorDigest(JsonNode descriptor, String what) {
        return text(descriptor, "digest").orElseThrow(() -> new RegistryException(what + " has no digest"));
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw new RegistryException("the manifest has no " + name);
        }
        return value;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.ofNullable(node.get(field)).filter(JsonNode::isString).map(JsonNode::getStringValue);
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode array = node.get(field);
        List<String> strings = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode element : array.values()) {
                Optional.of(element)
                        .filter(JsonNode::isString)
                        .map(JsonNode::getStringValue)
                        .ifPresent(strings::add);
            }
        }
        return strings;
    }
}
