package dev.notebooks.profile.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.notebooks.platform.events.EventJson;
import dev.notebooks.platform.events.profile.ProfileSpec;
import dev.notebooks.profile.domain.Profile;
import java.io.UncheckedIOException;

/** A Profile's spec as events and audit records summarise it: owner, quota, plugin kinds. */
public final class ProfileSpecs {

    private ProfileSpecs() {}

    public static ProfileSpec of(Profile.Spec spec) {
        return new ProfileSpec(
                spec.owner() == null ? "" : spec.owner().name(),
                spec.hardQuota(),
                spec.pluginsOrEmpty().stream().map(Profile.Plugin::kind).toList());
    }

    public static String json(ProfileSpec spec) {
        try {
            return EventJson.MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProfileSpec parse(String json) {
        try {
            return EventJson.MAPPER.readValue(json, ProfileSpec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
