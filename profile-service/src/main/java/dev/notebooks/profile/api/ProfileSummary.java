package dev.notebooks.profile.api;

import dev.notebooks.profile.domain.Profile;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** What an audit record keeps of a profile before and after a change: what an administrator sets on it. */
@Serdeable
record ProfileSummary(String owner, Map<String, String> resourceQuota, List<PluginBody> plugins) {

    static ProfileSummary of(Profile profile) {
        return new ProfileSummary(profile.ownerName(), ProfileView.hardQuota(profile), PluginBody.of(profile));
    }

    String json(JsonMapper mapper) {
        try {
            return mapper.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
