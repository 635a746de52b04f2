package dev.notebooks.profile.domain;

import java.util.List;
import java.util.Map;

/**
 * A profile to create, as a request asks for it (already checked field by field).
 *
 * @param owner the owner's user id; null for the caller
 * @param resourceQuota hard limits, resource name to quantity; empty for none
 */
public record NewProfile(String name, String owner, Map<String, String> resourceQuota, List<Profile.Plugin> plugins) {

    public NewProfile {
        resourceQuota = resourceQuota == null ? Map.of() : resourceQuota;
        plugins = plugins == null ? List.of() : plugins;
    }
}
