{{/* Name of the chart, overridable. */}}
{{- define "tokenlife.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Full name of the release's resources. */}}
{{- define "tokenlife.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "tokenlife.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tokenlife.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "tokenlife.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "tokenlife.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "tokenlife.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end -}}

{{/* The Secret holding keys, admin password and database URL: the user's or the chart's. */}}
{{- define "tokenlife.secretName" -}}
{{- if .Values.existingSecret -}}
{{- .Values.existingSecret -}}
{{- else -}}
{{- include "tokenlife.fullname" . -}}
{{- end -}}
{{- end -}}

{{/* PUBLIC_URL: server.publicUrl, else https://<ingress.host> when the ingress is enabled, else empty (unset). */}}
{{- define "tokenlife.publicUrl" -}}
{{- if .Values.server.publicUrl -}}
{{- .Values.server.publicUrl -}}
{{- else if and .Values.ingress.enabled .Values.ingress.host -}}
{{- printf "https://%s" .Values.ingress.host -}}
{{- end -}}
{{- end -}}

{{- define "tokenlife.asymmetric" -}}
{{- if not (hasPrefix "HS" .Values.jwt.algorithm) }}true{{ end -}}
{{- end -}}

{{/* Environment shared by the service and the migration job. */}}
{{- define "tokenlife.env" -}}
- name: JWT_SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "tokenlife.secretName" . }}
      key: JWT_SECRET_KEY
      optional: true
- name: JWT_PREVIOUS_SECRET_KEYS
  valueFrom:
    secretKeyRef:
      name: {{ include "tokenlife.secretName" . }}
      key: JWT_PREVIOUS_SECRET_KEYS
      optional: true
- name: KEY_ENCRYPTION_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "tokenlife.secretName" . }}
      key: KEY_ENCRYPTION_SECRET
      optional: true
- name: PLATFORM_ADMIN_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "tokenlife.secretName" . }}
      key: PLATFORM_ADMIN_PASSWORD
      optional: true
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "tokenlife.secretName" . }}
      key: DATABASE_URL
{{- if include "tokenlife.asymmetric" . }}
- name: JWT_PRIVATE_KEY_PATH
  value: /etc/tokenlife/keys/private.pem
- name: JWT_PUBLIC_KEY_PATH
  value: /etc/tokenlife/keys/public.pem
{{- end }}
{{- if .Values.sso.providersJson }}
- name: SSO_PROVIDERS_FILE
  value: /etc/tokenlife/sso/providers.json
{{- end }}
- name: JAVA_OPTS
  value: {{ .Values.javaOpts | quote }}
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Volumes shared by the service and the migration job. */}}
{{- define "tokenlife.volumes" -}}
- name: tmp
  emptyDir: {}
{{- if include "tokenlife.asymmetric" . }}
- name: keys
  secret:
    secretName: {{ include "tokenlife.secretName" . }}
    defaultMode: 0400
    items:
      - key: private.pem
        path: private.pem
      - key: public.pem
        path: public.pem
{{- end }}
{{- if .Values.sso.providersJson }}
- name: sso
  configMap:
    name: {{ include "tokenlife.fullname" . }}
    items:
      - key: providers.json
        path: providers.json
{{- end }}
{{- end -}}

{{- define "tokenlife.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if include "tokenlife.asymmetric" . }}
- name: keys
  mountPath: /etc/tokenlife/keys
  readOnly: true
{{- end }}
{{- if .Values.sso.providersJson }}
- name: sso
  mountPath: /etc/tokenlife/sso
  readOnly: true
{{- end }}
{{- end -}}
