package dev.notebooks.auth.service;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What an import of Dex's {@code staticPasswords} did, entry by entry (emails and reasons; never a hash).
 *
 * @param imported emails that became accounts
 * @param skipped entries left as they are, with why: already this service's, no hash of their own, not a hash Dex
 *     accepts
 * @param conflicting entries that clash with an existing account (same email, other values; or a user id in use)
 */
@Serdeable
public record ImportReport(List<String> imported, List<Entry> skipped, List<Entry> conflicting) {

    @Serdeable
    public record Entry(String email, String reason) {}
}
