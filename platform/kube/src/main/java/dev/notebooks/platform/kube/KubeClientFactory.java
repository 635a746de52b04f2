package dev.notebooks.platform.kube;

import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.Configuration;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The service's Kubernetes client and its informer factory, made here rather than by micronaut-kubernetes-client,
 * whose bean per client-java API group made every service load all 60 API classes (about 3 MiB of class metadata,
 * docs/benchmarks.md) to use four.
 */
@Factory
class KubeClientFactory {

    @Singleton
    ApiClient apiClient(KubeClientConfiguration configuration) throws IOException {
        ApiClient client = configuration.getKubeConfigPath().isPresent()
                ? fromKubeConfig(configuration.getKubeConfigPath().get())
                : ClientBuilder.standard().build();
        // client-java's own helpers (and any API made without a client) use the default one
        Configuration.setDefaultApiClient(client);
        return client;
    }

    /** The informers of the reconcilers, in the k8s environment only; stopped, threads and all, with the context. */
    @Singleton
    @Requires(env = Environment.KUBERNETES)
    @Bean(preDestroy = "stopAllRegisteredInformers")
    SharedInformerFactory informers(ApiClient client) {
        return new SharedInformerFactory(client);
    }

    private static ApiClient fromKubeConfig(Path path) throws IOException {
        if (!Files.isReadable(path)) {
            throw new ConfigurationException(
                    KubeClientConfiguration.PREFIX + ".kube-config-path names no readable file: " + path);
        }
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            KubeConfig kubeConfig = KubeConfig.loadKubeConfig(reader);
            // certificate and token files named in it are relative to the kubeconfig's folder
            kubeConfig.setFile(path.toFile());
            return ClientBuilder.kubeconfig(kubeConfig).build();
        }
    }
}
