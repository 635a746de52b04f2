package dev.notebooks.profile.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.notebooks.profile.domain.Profile;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What an audit record keeps of a profile before and after a change: what an administrator sets on it. */
@Serdeable
record ProfileSummary(String owner, Map<String, String> resourceQuota, List<PluginSummary> plugins) {

    @Serdeable
    record PluginSummary(String kind, @JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> spec) {}

    static ProfileSummary of(Profile profile) {
        if (profile.getSpec() == null) {
            return new ProfileSummary(profile.ownerName(), Map.of(), List.of());
        }
        return new ProfileSummary(
                profile.ownerName(),
                profile.getSpec().hardQuota(),
                profile.getSpec().pluginsOrEmpty().stream()
                        .map(plugin ->
                                new PluginSummary(plugin.kind(), plugin.spec() == null ? Map.of() : plugin.spec()))
                        .toList());
    }

    String json(JsonMapper mapper) {
        try {
            return mapper.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
