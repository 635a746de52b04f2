package dev.notebooks.catalog.check;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One of Kubeflow's notebook image requirements, checked.
 *
 * @param requirement what is required, such as {@code port-8888}
 * @param status pass, fail or unknown
 * @param reason what the image's config shows, in words
 */
@Serdeable
public record RequirementResult(String requirement, CheckStatus status, String reason) {

    static RequirementResult pass(String requirement, String reason) {
        return new RequirementResult(requirement, CheckStatus.PASS, reason);
    }

    static RequirementResult fail(String requirement, String reason) {
        return new RequirementResult(requirement, CheckStatus.FAIL, reason);
    }

    static RequirementResult unknown(String requirement, String reason) {
        return new RequirementResult(requirement, CheckStatus.UNKNOWN, reason);
    }
}
