package dev.notebooks.catalog.check;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/** The outcome of a check, and of each requirement in it. */
@Serdeable
public enum CheckStatus {
    /** Verified from the image's config. */
    PASS,
    /** The config shows the requirement is not met. */
    FAIL,
    /** Not verifiable from the config, or the image could not be read. */
    UNKNOWN;

    @JsonValue
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
