package dev.notebooks.platform.kube;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the service's Kubernetes client connects and which namespace it runs in. The names are those of
 * micronaut-kubernetes-client, which the services used before, so deployments keep their settings.
 */
@ConfigurationProperties(KubeClientConfiguration.PREFIX)
public class KubeClientConfiguration {

    public static final String PREFIX = "kubernetes.client";

    /** Where Kubernetes mounts a pod's namespace with its service account token. */
    public static final Path SERVICE_ACCOUNT_NAMESPACE =
            Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");

    public static final String DEFAULT_NAMESPACE = "default";

    private Path kubeConfigPath;
    private String namespace;

    /**
     * @return the kubeconfig file to connect with; when unset, client-java's standard order: {@code KUBECONFIG},
     *     {@code ~/.kube/config}, then the pod's service account (in a cluster)
     */
    public Optional<Path> getKubeConfigPath() {
        return Optional.ofNullable(kubeConfigPath);
    }

    public void setKubeConfigPath(@Nullable Path kubeConfigPath) {
        this.kubeConfigPath = kubeConfigPath;
    }

    /**
     * @return the namespace the service runs in (its Lease's by default): this setting, else the pod's own (read from
     *     its service account mount), else {@value #DEFAULT_NAMESPACE}
     */
    public String getNamespace() {
        return namespace(namespace, SERVICE_ACCOUNT_NAMESPACE);
    }

    public void setNamespace(@Nullable String namespace) {
        this.namespace = namespace;
    }

    static String namespace(@Nullable String configured, Path mounted) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            String own = Files.readString(mounted, StandardCharsets.UTF_8).strip();
            return own.isEmpty() ? DEFAULT_NAMESPACE : own;
        } catch (IOException notInAPod) {
            return DEFAULT_NAMESPACE;
        }
    }
}
