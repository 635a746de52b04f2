{{/* The release's prefix of every object's name. */}}
{{- define "np.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* A service's object name: <fullname>-<service>. Call with (dict "root" $ "name" $name). */}}
{{- define "np.name" -}}
{{- printf "%s-%s" (include "np.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels every object of a service carries. */}}
{{- define "np.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/part-of: notebook-platform
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{/* Labels that select a service's pods. */}}
{{- define "np.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* Labels of the chart's shared objects (database, brokers, topics). */}}
{{- define "np.sharedLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/part-of: notebook-platform
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* A service's image reference. */}}
{{- define "np.image" -}}
{{- $image := .root.Values.image -}}
{{- $tag := $image.tag | default .root.Chart.AppVersion -}}
{{- if $image.registry -}}
{{- printf "%s/%s/%s:%s" $image.registry $image.repository .name $tag -}}
{{- else -}}
{{- printf "%s/%s:%s" $image.repository .name $tag -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding a service's database credentials. */}}
{{- define "np.databaseSecret" -}}
{{- $service := index .root.Values.services .name -}}
{{- if $service.database.secretName -}}
{{- $service.database.secretName -}}
{{- else -}}
{{- printf "%s-db" (include "np.name" .) -}}
{{- end -}}
{{- end -}}

{{/* The Secret holding a service's Kafka credentials (SASL). In strimzi mode, the KafkaUser's own Secret. */}}
{{- define "np.kafkaSecret" -}}
{{- $service := index .root.Values.services .name -}}
{{- if and (eq .root.Values.kafka.mode "external") $service.kafka.secretName -}}
{{- $service.kafka.secretName -}}
{{- else -}}
{{- printf "%s-kafka" (include "np.name" .) -}}
{{- end -}}
{{- end -}}

{{/* Name of the CloudNativePG Cluster and of the Strimzi Kafka. */}}
{{- define "np.postgresCluster" -}}
{{- printf "%s-postgres" (include "np.fullname" .) -}}
{{- end -}}
{{- define "np.kafkaCluster" -}}
{{- printf "%s-kafka" (include "np.fullname" .) -}}
{{- end -}}

{{/* The topics: name (without prefix) -> the service that publishes on it. */}}
{{- define "np.topics" -}}
profiles: profile-service
usage: profile-service
notebooks: notebook-service
volumes: volume-service
catalog: image-catalog-service
accounts: auth-service
{{- end -}}

{{/* Kafka's security protocol as the services see it. */}}
{{- define "np.kafkaProtocol" -}}
{{- if eq .Values.kafka.mode "strimzi" -}}SASL_SSL{{- else -}}{{ .Values.kafka.external.securityProtocol }}{{- end -}}
{{- end -}}

{{/* A service's pod settings: podDefaults overridden by the service's own keys. */}}
{{- define "np.pod" -}}
{{- $service := index .root.Values.services .name -}}
{{- $pod := deepCopy .root.Values.podDefaults -}}
{{- range $key := list "replicas" "resources" "maxUnavailable" "nodeSelector" "tolerations" "affinity" "podAnnotations" -}}
{{- if hasKey $service $key -}}
{{- $_ := set $pod $key (index $service $key) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $pod "jvmOptions" ($service.jvmOptions | default .root.Values.jvmOptions) -}}
{{- toYaml $pod -}}
{{- end -}}

{{/* The prefix of a service's own environment variables in the suite's one JVM: PROFILE_SERVICE_ for profile-service. */}}
{{- define "np.suitePrefix" -}}
{{- printf "%s_" (.name | upper | replace "-" "_") -}}
{{- end -}}

{{/* The objects a service's pods are: its own Deployment's, or the suite's one pod (suite.enabled). */}}
{{- define "np.podOwner" -}}
{{- if .root.Values.suite.enabled -}}suite{{- else -}}{{ .name }}{{- end -}}
{{- end -}}
