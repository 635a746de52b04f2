package dev.notebooks.profile.service;

import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.profile.domain.Profile;

/** A profile with the caller's role on it, which is what every answer about a profile shows. */
public record ProfileAndRole(Profile profile, ProfileRole role) {}
