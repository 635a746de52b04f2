package dev.notebooks.auth.service;

import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.domain.PasswordHasher;
import dev.notebooks.auth.domain.PasswordPolicy;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The password policy and hasher, as {@code auth.*} configures them. */
@Factory
class PasswordRules {

    @Singleton
    PasswordPolicy passwordPolicy(AuthSettings settings) {
        return new PasswordPolicy(settings.getMinPasswordLength());
    }

    @Singleton
    PasswordHasher passwordHasher(AuthSettings settings) {
        return new PasswordHasher(settings.getBcryptCost());
    }
}
