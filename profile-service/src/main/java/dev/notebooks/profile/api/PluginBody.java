package dev.notebooks.profile.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.notebooks.profile.domain.Profile;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * One of Kubeflow's profile plugins, as requests and responses carry it.
 *
 * @param kind {@code WorkloadIdentity} or {@code AwsIamForServiceAccount}
 * @param spec {@code {gcpServiceAccount}} or {@code {awsIamRole, annotateOnly}}
 */
@Serdeable
public record PluginBody(String kind, @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> spec) {

    static List<PluginBody> of(Profile profile) {
        if (profile.getSpec() == null) {
            return List.of();
        }
        return profile.getSpec().pluginsOrEmpty().stream()
                .map(plugin -> new PluginBody(plugin.kind(), plugin.spec() == null ? Map.of() : plugin.spec()))
                .toList();
    }

    static List<Profile.Plugin> toPlugins(List<PluginBody> plugins) {
        return plugins == null
                ? List.of()
                : plugins.stream()
                        .map(plugin -> Profile.Plugin.of(plugin.kind(), plugin.spec()))
                        .toList();
    }
}
