package dev.notebooks.platform.security;

import io.micronaut.serde.annotation.Serdeable;

/** A profile namespace a caller can reach, and their role on it. */
@Serdeable
public record ProfileAccess(String namespace, ProfileRole role) {}
