package dev.notebooks.catalog.check;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * What a check found out about an image.
 *
 * @param image the reference checked, normalised
 * @param status {@code fail} when a requirement fails, {@code unknown} when the image could not be read, else
 *     {@code pass} (requirements that cannot be verified from a config, such as {@code nb-prefix}, stay unknown)
 * @param digest the digest of the manifest whose config was read (for a multi-arch image, the linux/amd64 one)
 * @param platform {@code os/architecture} from the image's config
 * @param requirements each requirement with its status and reason
 * @param reason why the image could not be read; null when it was
 * @param checkedAt when the check ran
 */
@Serdeable
public record ImageCheckResult(
        String image,
        CheckStatus status,
        @Nullable String digest,
        @Nullable String platform,
        List<RequirementResult> requirements,
        @Nullable String reason,
        Instant checkedAt) {

    static ImageCheckResult of(String image, String digest, String platform, List<RequirementResult> requirements) {
        boolean anyFails = requirements.stream().anyMatch(r -> r.status() == CheckStatus.FAIL);
        CheckStatus status = anyFails ? CheckStatus.FAIL : CheckStatus.PASS;
        return new ImageCheckResult(image, status, digest, platform, requirements, null, Instant.now());
    }

    static ImageCheckResult unreadable(String image, String reason) {
        return new ImageCheckResult(
                image,
                CheckStatus.UNKNOWN,
                null,
                null,
                NotebookRequirements.unknown("the image could not be read"),
                reason,
                Instant.now());
    }

    /** Whether the image is known not to meet a requirement. */
    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
