package dev.notebooks.profile.api;

import dev.notebooks.profile.domain.ProfileChange;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PATCH /api/profiles/{name}}: an absent field stays as it is; {@code null} or empty clears it.
 *
 * @param owner the new owner's user id; only an admin may change it
 * @param resourceQuota replaces every hard limit; empty removes the quota
 * @param plugins replaces every plugin; empty removes them
 */
@Serdeable
public record UpdateProfileRequest(
        @Nullable String owner, @Nullable Map<String, String> resourceQuota, @Nullable List<PluginBody> plugins) {

    ProfileChange toChange() {
        return new ProfileChange(owner, resourceQuota, plugins == null ? null : PluginBody.toPlugins(plugins));
    }

    public boolean isEmpty() {
        return owner == null && resourceQuota == null && plugins == null;
    }
}
