package dev.notebooks.platform.testing.kubernetes;

/** The kinds the simulated components read and write. */
final class Kinds {

    static final GroupResource NODES = new GroupResource("", "nodes");
    static final GroupResource PODS = new GroupResource("", "pods");
    static final GroupResource EVENTS = new GroupResource("", "events");
    static final GroupResource SERVICES = new GroupResource("", "services");
    static final GroupResource NAMESPACES = new GroupResource("", "namespaces");
    static final GroupResource PVCS = new GroupResource("", "persistentvolumeclaims");
    static final GroupResource PVS = new GroupResource("", "persistentvolumes");
    static final GroupResource QUOTAS = new GroupResource("", "resourcequotas");
    static final GroupResource LIMIT_RANGES = new GroupResource("", "limitranges");
    static final GroupResource STATEFUL_SETS = new GroupResource("apps", "statefulsets");
    static final GroupResource DEPLOYMENTS = new GroupResource("apps", "deployments");
    static final GroupResource REPLICA_SETS = new GroupResource("apps", "replicasets");
    static final GroupResource CONTROLLER_REVISIONS = new GroupResource("apps", "controllerrevisions");
    static final GroupResource STORAGE_CLASSES = new GroupResource("storage.k8s.io", "storageclasses");
    static final GroupResource SNAPSHOTS = new GroupResource("snapshot.storage.k8s.io", "volumesnapshots");
    static final GroupResource SNAPSHOT_CONTENTS =
            new GroupResource("snapshot.storage.k8s.io", "volumesnapshotcontents");
    static final GroupResource SNAPSHOT_CLASSES = new GroupResource("snapshot.storage.k8s.io", "volumesnapshotclasses");

    private Kinds() {}
}
