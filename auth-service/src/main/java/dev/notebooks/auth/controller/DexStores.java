package dev.notebooks.auth.controller;

import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.dex.DexConfigMap;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.apply.Applier;
import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The Dex store that {@code auth.backend} names. */
@Factory
class DexStores {

    @Singleton
    DexStore dexStore(
            AuthSettings settings,
            ResourceClient client,
            Applier applier,
            ApiClient apiClient,
            DexConfigMap configMap) {
        return switch (settings.getBackend()) {
            case KUBERNETES -> new KubernetesDexStore(client, applier, apiClient, settings);
            case CONFIGMAP -> new ConfigMapDexStore(configMap, client, settings, Clock.systemUTC());
        };
    }
}
