package dev.notebooks.profile.service;

import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.profile.domain.Quotas;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * How much of its quota a profile uses: its namespace's {@code kf-resource-quota} ResourceQuota, read from the API
 * server as the profile itself is ({@link ProfileService#get}), so a replica that does not reconcile answers the same.
 */
@Singleton
public class ProfileQuotaUse {

    private final ResourceClient client;

    ProfileQuotaUse(ResourceClient client) {
        this.client = client;
    }

    /** @return per limited resource, its hard limit and use; empty when the profile has no quota (yet) */
    public Map<String, Quotas.Use> of(String profile) {
        try {
            return client.get(ResourceTypes.RESOURCE_QUOTA, profile, Quotas.RESOURCE_QUOTA_NAME)
                    .map(Quotas::use)
                    .orElse(Map.of());
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Reading the resource quota of profile " + profile);
        }
    }
}
