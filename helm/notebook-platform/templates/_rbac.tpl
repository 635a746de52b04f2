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
- apiGroups: [""]
  resources: [resourcequotas]
  verbs: [create, delete, list, patch, watch]
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

{{- define "np.rbac.notebook-service.cluster" -}}
[]
{{- end -}}
{{- define "np.rbac.notebook-service.namespaces" -}}
{}
{{- end -}}
{{- define "np.rbac.volume-service.cluster" -}}
[]
{{- end -}}
{{- define "np.rbac.volume-service.namespaces" -}}
{}
{{- end -}}
{{- define "np.rbac.image-catalog-service.cluster" -}}
[]
{{- end -}}
{{- define "np.rbac.image-catalog-service.namespaces" -}}
{}
{{- end -}}
{{- define "np.rbac.auth-service.cluster" -}}
[]
{{- end -}}
{{- define "np.rbac.auth-service.namespaces" -}}
{}
{{- end -}}
