{{/* Every service's leader election: its Lease (platform.kube.leader-election, named <service>-leader). */}}
{{- define "np.rbac.lease" -}}
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  verbs: [create]
- apiGroups: [coordination.k8s.io]
  resources: [leases]
  resourceNames: [{{ printf "%s-leader" .name }}]
  verbs: [get, update]
{{- end -}}

{{/* profile-service: Profiles and their namespaces, service accounts, role bindings (its own and KFAM's
     contributors), quotas, and Istio AuthorizationPolicies when Istio is on. */}}
{{- define "np.rbac.profile-service.cluster" -}}
- apiGroups: [kubeflow.org]
  resources: [profiles]
  verbs: [create, delete, get, list, patch, watch]
- apiGroups: [kubeflow.org]
  resources: [profiles/status]
  verbs: [patch]
- apiGroups: [""]
  resources: [namespaces]
  verbs: [create, get, list, patch, watch]
- apiGroups: [""]
  resources: [serviceaccounts]
  verbs: [create, list, patch, watch]
# get: the profile view's quota use (hard and used of kf-resource-quota)
- apiGroups: [""]
  resources: [resourcequotas]
  verbs: [create, delete, get, list, patch, watch]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [rolebindings]
  verbs: [create, delete, get, list, patch, watch]
# binding a role needs `bind` on it (or all its rights): the owner's, editors' and viewers' roles Kubeflow ships
- apiGroups: [rbac.authorization.k8s.io]
  resources: [clusterroles]
  resourceNames: [kubeflow-admin, kubeflow-edit, kubeflow-view]
  verbs: [bind]
{{- if .Values.istio.enabled }}
- apiGroups: [security.istio.io]
  resources: [authorizationpolicies]
  verbs: [create, delete, list, patch, watch]
{{- end }}
{{- end -}}
{{- define "np.rbac.profile-service.namespaces" -}}
# Events about Profiles (cluster-scoped) go where the API server keeps cluster-scoped objects' Events
default:
  - apiGroups: [""]
    resources: [events]
    verbs: [create]
{{- end -}}

{{/* notebook-service: Notebooks and their StatefulSets, Services, workspace claims, Events; PodDefaults, quotas,
     nodes and storage classes for the spawner; pods' logs and the servers' activity through the API server's proxy
     (culling); namespaces and role bindings to decide who may do what (platform/security). */}}
{{- define "np.rbac.notebook-service.cluster" -}}
- apiGroups: [kubeflow.org]
  resources: [notebooks]
  verbs: [create, delete, get, list, patch, watch]
- apiGroups: [kubeflow.org]
  resources: [notebooks/status]
  verbs: [patch]
- apiGroups: [kubeflow.org]
  resources: [poddefaults]
  verbs: [list, watch]
- apiGroups: [apps]
  resources: [statefulsets]
  verbs: [create, list, patch, watch]
- apiGroups: [""]
  resources: [services]
  verbs: [create, list, watch]
- apiGroups: [""]
  resources: [services/proxy]
  verbs: [get]
- apiGroups: [""]
  resources: [pods]
  verbs: [list, watch]
- apiGroups: [""]
  resources: [pods/log]
  verbs: [get]
- apiGroups: [""]
  resources: [persistentvolumeclaims]
  verbs: [create, delete, get, list, watch]
- apiGroups: [""]
  resources: [events]
  verbs: [create, list, watch]
- apiGroups: [""]
  resources: [namespaces]
  verbs: [list, watch]
- apiGroups: [""]
  resources: [resourcequotas]
  verbs: [list, watch]
- apiGroups: [""]
  resources: [nodes]
  verbs: [list]
- apiGroups: [storage.k8s.io]
  resources: [storageclasses]
  verbs: [list]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [rolebindings]
  verbs: [list, watch]
{{- if and .Values.istio.enabled .Values.istio.notebookVirtualServices }}
# each notebook's route under /notebook/<namespace>/<name>/ (notebook-service's IstioRoutingTest)
- apiGroups: [networking.istio.io]
  resources: [virtualservices]
  verbs: [create, get, list, patch, watch]
{{- end }}
{{- end -}}
{{- define "np.rbac.notebook-service.namespaces" -}}
# the spawner ConfigMap (image-catalog-service publishes it)
{{ .Values.kubeflow.namespace }}:
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get]
{{- end -}}
{{/* volume-service: claims and snapshots in profile namespaces (create, resize, delete), who uses them (pods,
     Notebooks), quotas, Events, storage and snapshot classes; namespaces and role bindings for authorization. */}}
{{- define "np.rbac.volume-service.cluster" -}}
- apiGroups: [""]
  resources: [persistentvolumeclaims]
  verbs: [create, delete, get, list, patch, watch]
- apiGroups: [snapshot.storage.k8s.io]
  resources: [volumesnapshots]
  verbs: [create, delete, get, list, patch, watch]
- apiGroups: [snapshot.storage.k8s.io]
  resources: [volumesnapshotclasses]
  verbs: [list, watch]
- apiGroups: [storage.k8s.io]
  resources: [storageclasses]
  verbs: [list, watch]
- apiGroups: [kubeflow.org]
  resources: [notebooks]
  verbs: [list, watch]
- apiGroups: [""]
  resources: [pods, events, resourcequotas, namespaces]
  verbs: [list, watch]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [rolebindings]
  verbs: [list, watch]
{{- end -}}
{{- define "np.rbac.volume-service.namespaces" -}}
{}
{{- end -}}
{{/* image-catalog-service: the spawner ConfigMap it publishes (and Events about it); namespaces and role bindings
     for authorization. */}}
{{- define "np.rbac.image-catalog-service.cluster" -}}
- apiGroups: [""]
  resources: [namespaces]
  verbs: [list, watch]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [rolebindings]
  verbs: [list, watch]
{{- end -}}
{{- define "np.rbac.image-catalog-service.namespaces" -}}
{{ .Values.kubeflow.namespace }}:
  # list and watch: the spawner ConfigMap's own informer (a hand edit is answered at once; platform/kube Projection)
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [create, get, list, patch, watch]
  - apiGroups: [""]
    resources: [events]
    verbs: [create]
{{- end -}}
{{/* auth-service: Dex's accounts in Dex's namespace: its Password objects (backend kubernetes), its ConfigMap
     (backend configmap, and the import of staticPasswords in both) and the restart of its Deployment after a
     ConfigMap change; namespaces and role bindings for authorization. */}}
{{- define "np.rbac.auth-service.cluster" -}}
- apiGroups: [""]
  resources: [namespaces]
  verbs: [list, watch]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [rolebindings]
  verbs: [list, watch]
{{- end -}}
{{- define "np.rbac.auth-service.namespaces" -}}
{{ .Values.kubeflow.dexNamespace }}:
  # watch, and list/watch of the ConfigMap: the Dex store's own informer (platform/kube Projection)
  - apiGroups: [dex.coreos.com]
    resources: [passwords]
    verbs: [create, delete, list, patch, watch]
  - apiGroups: [""]
    resources: [configmaps]
    verbs: [get, list, patch, watch]
  - apiGroups: [apps]
    resources: [deployments]
    verbs: [patch]
{{- end -}}
