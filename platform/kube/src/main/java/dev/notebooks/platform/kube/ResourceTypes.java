package dev.notebooks.platform.kube;

import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.CoreV1EventList;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ConfigMapList;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1LeaseList;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceList;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimList;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaList;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleBindingList;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V1ServiceAccountList;
import io.kubernetes.client.openapi.models.V1ServiceList;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.kubernetes.client.openapi.models.V1StatefulSetList;

/** The built-in kinds the platform's services own or read. */
public final class ResourceTypes {

    public static final ResourceType<V1Namespace> NAMESPACE =
            ResourceType.clusterScoped("", "v1", "Namespace", "namespaces", V1Namespace.class, V1NamespaceList.class);

    public static final ResourceType<V1ConfigMap> CONFIG_MAP =
            ResourceType.namespaced("", "v1", "ConfigMap", "configmaps", V1ConfigMap.class, V1ConfigMapList.class);

    public static final ResourceType<V1ServiceAccount> SERVICE_ACCOUNT = ResourceType.namespaced(
            "", "v1", "ServiceAccount", "serviceaccounts", V1ServiceAccount.class, V1ServiceAccountList.class);

    public static final ResourceType<V1Service> SERVICE =
            ResourceType.namespaced("", "v1", "Service", "services", V1Service.class, V1ServiceList.class);

    public static final ResourceType<V1Pod> POD =
            ResourceType.namespaced("", "v1", "Pod", "pods", V1Pod.class, V1PodList.class);

    public static final ResourceType<V1PersistentVolumeClaim> PERSISTENT_VOLUME_CLAIM = ResourceType.namespaced(
            "",
            "v1",
            "PersistentVolumeClaim",
            "persistentvolumeclaims",
            V1PersistentVolumeClaim.class,
            V1PersistentVolumeClaimList.class);

    public static final ResourceType<V1ResourceQuota> RESOURCE_QUOTA = ResourceType.namespaced(
            "", "v1", "ResourceQuota", "resourcequotas", V1ResourceQuota.class, V1ResourceQuotaList.class);

    public static final ResourceType<CoreV1Event> EVENT =
            ResourceType.namespaced("", "v1", "Event", "events", CoreV1Event.class, CoreV1EventList.class);

    public static final ResourceType<V1RoleBinding> ROLE_BINDING = ResourceType.namespaced(
            "rbac.authorization.k8s.io",
            "v1",
            "RoleBinding",
            "rolebindings",
            V1RoleBinding.class,
            V1RoleBindingList.class);

    public static final ResourceType<V1StatefulSet> STATEFUL_SET = ResourceType.namespaced(
            "apps", "v1", "StatefulSet", "statefulsets", V1StatefulSet.class, V1StatefulSetList.class);

    public static final ResourceType<V1Lease> LEASE =
            ResourceType.namespaced("coordination.k8s.io", "v1", "Lease", "leases", V1Lease.class, V1LeaseList.class);

    private ResourceTypes() {}
}
