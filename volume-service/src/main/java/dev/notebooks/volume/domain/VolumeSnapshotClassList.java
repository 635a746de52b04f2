package dev.notebooks.volume.domain;

import dev.notebooks.platform.kube.CustomResourceList;

/** A list of {@link VolumeSnapshotClass}, as the API server answers a list or watch. */
public class VolumeSnapshotClassList extends CustomResourceList<VolumeSnapshotClass> {}
