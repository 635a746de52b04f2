package dev.notebooks.profile.service;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What an audit record keeps of a contributor. */
@Serdeable
public record ContributorSummary(String user, String role) {

    public static ContributorSummary of(ContributorBinding binding) {
        return new ContributorSummary(binding.user(), binding.role().value());
    }

    public String json(JsonMapper jsonMapper) {
        try {
            return jsonMapper.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
