package dev.notebooks.platform.events.profile;

import java.util.List;
import java.util.Map;

/**
 * What an administrator sets on a profile.
 *
 * @param owner the owner's user (email)
 * @param quota the namespace's resource quota, {@code resourceQuotaSpec.hard}: resource name to quantity, such as
 *     {@code cpu: "8"}, {@code requests.nvidia.com/gpu: "1"}; empty when the profile has none
 * @param plugins the kinds of the profile's plugins, such as {@code WorkloadIdentity}
 */
public record ProfileSpec(String owner, Map<String, String> quota, List<String> plugins) {

    public ProfileSpec {
        quota = Map.copyOf(quota);
        plugins = List.copyOf(plugins);
    }
}
