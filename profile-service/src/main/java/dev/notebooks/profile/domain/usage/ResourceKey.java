package dev.notebooks.profile.domain.usage;

/** One metered resource: a notebook or a volume of a profile. Its facts, in {@link Fact#ORDER}, are its intervals. */
public record ResourceKey(String profile, ResourceKind kind, String resource) {}
