package dev.notebooks.profile.api;

import dev.notebooks.profile.domain.NewProfile;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/profiles}.
 *
 * @param name the profile's name, which its namespace gets too: a DNS-1123 label
 * @param owner the owner's user id; the caller when absent, and only an admin may name someone else
 * @param resourceQuota the namespace's hard limits, resource name to Kubernetes quantity ({@code cpu: "6"})
 * @param plugins Kubeflow's plugins
 */
@Serdeable
public record CreateProfileRequest(
        String name,
        @Nullable String owner,
        @Nullable Map<String, String> resourceQuota,
        @Nullable List<PluginBody> plugins) {

    public NewProfile toNewProfile() {
        return new NewProfile(name, owner, resourceQuota, PluginBody.toPlugins(plugins));
    }
}
