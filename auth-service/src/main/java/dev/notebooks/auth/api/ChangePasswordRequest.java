package dev.notebooks.auth.api;

import io.micronaut.core.annotation.Nullable;

/**
 * {@code PUT /api/accounts/{email}/password}. Its {@link #toString()} leaves both passwords out.
 *
 * @param currentPassword required when users change their own password; an admin resetting another's leaves it out
 */
public record ChangePasswordRequest(@Nullable String currentPassword, String newPassword) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[currentPassword=" + (currentPassword == null ? "absent" : "given") + "]";
    }
}
