package dev.notebooks.profile.service;

import java.util.List;

/**
 * One page of the profiles a caller can reach.
 *
 * @param nextCursor the name to continue after; null on the last page
 */
public record ProfileSlice(List<ProfileAndRole> items, String nextCursor) {}
