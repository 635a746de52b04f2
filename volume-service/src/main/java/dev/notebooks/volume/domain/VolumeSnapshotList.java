package dev.notebooks.volume.domain;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link VolumeSnapshot}, as the API server answers a list or watch. */
public class VolumeSnapshotList extends CustomResourceList<VolumeSnapshot> {}
