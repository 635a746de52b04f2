package dev.notebooks.profile.domain;

import java.util.List;
import java.util.Map;

/**
 * A change to a profile's spec: a null field stays as it is, an empty one clears it.
 *
 * @param owner the new owner's user id
 * @param resourceQuota replaces every hard limit
 * @param plugins replaces every plugin
 */
public record ProfileChange(String owner, Map<String, String> resourceQuota, List<Profile.Plugin> plugins) {}
