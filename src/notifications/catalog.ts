/**
 * The notification catalog Argo CD v3.5.1 ships (`notifications_catalog/install.yaml`, built from
 * `notifications_catalog/triggers/*.yaml` and `templates/*.yaml` at argo-cd@v3.5.1): the eight
 * triggers and their templates, holding exactly what upstream holds (a test compares them with
 * the vendored file). Add a trigger with `config.addTrigger(NotificationCatalog.ON_SYNC_FAILED)`:
 * its template comes with it.
 */
import { Expr } from './expr';
import { NotificationTemplate, SlackDeliveryPolicy } from './template';
import { NotificationTrigger } from './trigger';

const CREATED_TEMPLATE = new NotificationTemplate({
  name: 'app-created',
  message: 'Application {{.app.metadata.name}} has been created.',
  email: { subject: 'Application {{.app.metadata.name}} has been created.' },
  teams: {
    title: 'Application {{.app.metadata.name}} has been created.',
  },
});

const DELETED_TEMPLATE = new NotificationTemplate({
  name: 'app-deleted',
  message: 'Application {{.app.metadata.name}} has been deleted.',
  email: { subject: 'Application {{.app.metadata.name}} has been deleted.' },
  teams: {
    title: 'Application {{.app.metadata.name}} has been deleted.',
  },
});

const DEPLOYED_TEMPLATE = new NotificationTemplate({
  name: 'app-deployed',
  message: '{{if eq .serviceType "slack"}}:white_check_mark:{{end}} Application {{.app.metadata.name}} is now running new version of deployments manifests.\n',
  email: { subject: 'New version of an application {{.app.metadata.name}} is up and running.' },
  slack: {
    attachments: '[{\n  "title": "{{ .app.metadata.name}}",\n  "title_link":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",\n  "color": "#18be52",\n  "fields": [\n  {\n    "title": "Sync Status",\n    "value": "{{.app.status.sync.status}}",\n    "short": true\n  },\n  {\n    "title": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n    "value": {{- if .app.spec.source }} ":arrow_heading_up: {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}:arrow_heading_up: {{ $source.repoURL }}{{- end }}" {{- end }},\n    "short": true\n  },\n  {\n    "title": "Revision",\n    "value": "{{.app.status.sync.revision}}",\n    "short": true\n  }\n  {{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "title": "{{$c.type}}",\n    "value": "{{$c.message}}",\n    "short": true\n  }\n  {{end}}\n  ]\n}]\n',
    deliveryPolicy: SlackDeliveryPolicy.POST,
    groupingKey: '',
    notifyBroadcast: false,
  },
  teams: {
    facts: '[{\n  "name": "Sync Status",\n  "value": "{{.app.status.sync.status}}"\n},\n{\n  "name": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n  "value": {{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n},\n{\n  "name": "Revision",\n  "value": "{{.app.status.sync.revision}}"\n}\n{{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "name": "{{$c.type}}",\n    "value": "{{$c.message}}"\n  }\n{{end}}\n]\n',
    potentialAction: '[{\n  "@type":"OpenUri",\n  "name":"Operation Application",\n  "targets":[{\n    "os":"default",\n    "uri":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}"\n  }]\n},\n{\n  "@type":"OpenUri",\n  "name":"Open Repository",\n  "targets":[{\n    "os":"default",\n    "uri":{{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n  }]\n}]\n',
    themeColor: '#000080',
    title: 'New version of an application {{.app.metadata.name}} is up and running.',
  },
});

const HEALTH_DEGRADED_TEMPLATE = new NotificationTemplate({
  name: 'app-health-degraded',
  message: '{{if eq .serviceType "slack"}}:exclamation:{{end}} Application {{.app.metadata.name}} has degraded.\nApplication details: {{.context.argocdUrl}}/applications/{{.app.metadata.name}}.\n',
  email: { subject: 'Application {{.app.metadata.name}} has degraded.' },
  slack: {
    attachments: '[{\n  "title": "{{ .app.metadata.name}}",\n  "title_link": "{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",\n  "color": "#f4c030",\n  "fields": [\n  {\n    "title": "Health Status",\n    "value": "{{.app.status.health.status}}",\n    "short": true\n  },\n  {\n    "title": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n    "value": {{- if .app.spec.source }} ":arrow_heading_up: {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}:arrow_heading_up: {{ $source.repoURL }}{{- end }}" {{- end }},\n    "short": true\n  }\n  {{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "title": "{{$c.type}}",\n    "value": "{{$c.message}}",\n    "short": true\n  }\n  {{end}}\n  ]\n}]\n',
    deliveryPolicy: SlackDeliveryPolicy.POST,
    groupingKey: '',
    notifyBroadcast: false,
  },
  teams: {
    facts: '[{\n  "name": "Health Status",\n  "value": "{{.app.status.health.status}}"\n},\n{\n  "name": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n  "value": {{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n}\n{{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "name": "{{$c.type}}",\n    "value": "{{$c.message}}"\n  }\n{{end}}\n]\n',
    potentialAction: '[{\n  "@type":"OpenUri",\n  "name":"Open Application",\n  "targets":[{\n    "os":"default",\n    "uri":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}"\n  }]\n},\n{\n  "@type":"OpenUri",\n  "name":"Open Repository",\n  "targets":[{\n    "os":"default",\n    "uri":{{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n  }]\n}]\n',
    themeColor: '#FF0000',
    title: 'Application {{.app.metadata.name}} has degraded.',
  },
});

const SYNC_FAILED_TEMPLATE = new NotificationTemplate({
  name: 'app-sync-failed',
  message: '{{if eq .serviceType "slack"}}:exclamation:{{end}}  The sync operation of application {{.app.metadata.name}} has failed at {{.app.status.operationState.finishedAt}} with the following error: {{.app.status.operationState.message}}\nSync operation details are available at: {{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true .\n',
  email: { subject: 'Failed to sync application {{.app.metadata.name}}.' },
  slack: {
    attachments: '[{\n  "title": "{{ .app.metadata.name}}",\n  "title_link":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",\n  "color": "#E96D76",\n  "fields": [\n  {\n    "title": "Sync Status",\n    "value": "{{.app.status.sync.status}}",\n    "short": true\n  },\n  {\n    "title": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n    "value": {{- if .app.spec.source }} ":arrow_heading_up: {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}:arrow_heading_up: {{ $source.repoURL }}{{- end }}" {{- end }},\n    "short": true\n  }\n  {{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "title": "{{$c.type}}",\n    "value": "{{$c.message}}",\n    "short": true\n  }\n  {{end}}\n  ]\n}]\n',
    deliveryPolicy: SlackDeliveryPolicy.POST,
    groupingKey: '',
    notifyBroadcast: false,
  },
  teams: {
    facts: '[{\n  "name": "Sync Status",\n  "value": "{{.app.status.sync.status}}"\n},\n{\n  "name": "Failed at",\n  "value": "{{.app.status.operationState.finishedAt}}"\n},\n{\n  "name": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n  "value": {{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n}\n{{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "name": "{{$c.type}}",\n    "value": "{{$c.message}}"\n  }\n{{end}}\n]\n',
    potentialAction: '[{\n  "@type":"OpenUri",\n  "name":"Open Operation",\n  "targets":[{\n    "os":"default",\n    "uri":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true"\n  }]\n},\n{\n  "@type":"OpenUri",\n  "name":"Open Repository",\n  "targets":[{\n    "os":"default",\n    "uri":{{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}{{ $source.repoURL }}⬆️ {{- end }}" {{- end }}\n  }]\n}]\n',
    themeColor: '#FF0000',
    title: 'Failed to sync application {{.app.metadata.name}}.',
  },
});

const SYNC_RUNNING_TEMPLATE = new NotificationTemplate({
  name: 'app-sync-running',
  message: 'The sync operation of application {{.app.metadata.name}} has started at {{.app.status.operationState.startedAt}}.\nSync operation details are available at: {{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true .\n',
  email: { subject: 'Start syncing application {{.app.metadata.name}}.' },
  slack: {
    attachments: '[{\n  "title": "{{ .app.metadata.name}}",\n  "title_link":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",\n  "color": "#0DADEA",\n  "fields": [\n  {\n    "title": "Sync Status",\n    "value": "{{.app.status.sync.status}}",\n    "short": true\n  },\n  {\n    "title": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n    "value": {{- if .app.spec.source }} ":arrow_heading_up: {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}:arrow_heading_up: {{ $source.repoURL }}{{- end }}" {{- end }},\n    "short": true\n  }\n  {{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "title": "{{$c.type}}",\n    "value": "{{$c.message}}",\n    "short": true\n  }\n  {{end}}\n  ]\n}]\n',
    deliveryPolicy: SlackDeliveryPolicy.POST,
    groupingKey: '',
    notifyBroadcast: false,
  },
  teams: {
    facts: '[{\n  "name": "Sync Status",\n  "value": "{{.app.status.sync.status}}"\n},\n{\n  "name": "Started at",\n  "value": "{{.app.status.operationState.startedAt}}"\n},\n{\n  "name": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n  "value": {{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n}\n{{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "name": "{{$c.type}}",\n    "value": "{{$c.message}}"\n  }\n{{end}}\n]\n',
    potentialAction: '[{\n  "@type":"OpenUri",\n  "name":"Open Operation",\n  "targets":[{\n    "os":"default",\n    "uri":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true"\n  }]\n},\n{\n  "@type":"OpenUri",\n  "name":"Open Repository",\n  "targets":[{\n    "os":"default",\n    "uri":{{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n  }]\n}]\n',
    title: 'Start syncing application {{.app.metadata.name}}.',
  },
});

const SYNC_STATUS_UNKNOWN_TEMPLATE = new NotificationTemplate({
  name: 'app-sync-status-unknown',
  message: "{{if eq .serviceType \"slack\"}}:exclamation:{{end}} Application {{.app.metadata.name}} sync is 'Unknown'.\nApplication details: {{.context.argocdUrl}}/applications/{{.app.metadata.name}}.\n{{if ne .serviceType \"slack\"}}\n{{range $c := .app.status.conditions}}\n    * {{$c.message}}\n{{end}}\n{{end}}\n",
  email: { subject: "Application {{.app.metadata.name}} sync status is 'Unknown'" },
  slack: {
    attachments: '[{\n  "title": "{{ .app.metadata.name}}",\n  "title_link":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",\n  "color": "#E96D76",\n  "fields": [\n  {\n    "title": "Sync Status",\n    "value": "{{.app.status.sync.status}}",\n    "short": true\n  },\n  {\n    "title": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n    "value": {{- if .app.spec.source }} ":arrow_heading_up: {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}:arrow_heading_up: {{ $source.repoURL }}{{- end }}" {{- end }},\n    "short": true\n  }\n  {{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "title": "{{$c.type}}",\n    "value": "{{$c.message}}",\n    "short": true\n  }\n  {{end}}\n  ]\n}]\n',
    deliveryPolicy: SlackDeliveryPolicy.POST,
    groupingKey: '',
    notifyBroadcast: false,
  },
  teams: {
    facts: '[{\n  "name": "Sync Status",\n  "value": "{{.app.status.sync.status}}"\n},\n{\n  "name": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n  "value": {{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n}\n{{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "name": "{{$c.type}}",\n    "value": "{{$c.message}}"\n  }\n{{end}}\n]\n',
    potentialAction: '[{\n  "@type":"OpenUri",\n  "name":"Open Application",\n  "targets":[{\n    "os":"default",\n    "uri":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}"\n  }]\n},\n{\n  "@type":"OpenUri",\n  "name":"Open Repository",\n  "targets":[{\n    "os":"default",\n    "uri":{{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n  }]\n}]\n',
    title: "Application {{.app.metadata.name}} sync status is 'Unknown'",
  },
});

const SYNC_SUCCEEDED_TEMPLATE = new NotificationTemplate({
  name: 'app-sync-succeeded',
  message: '{{if eq .serviceType "slack"}}:white_check_mark:{{end}} Application {{.app.metadata.name}} has been successfully synced at {{.app.status.operationState.finishedAt}}.\nSync operation details are available at: {{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true .\n',
  email: { subject: 'Application {{.app.metadata.name}} has been successfully synced.' },
  slack: {
    attachments: '[{\n  "title": "{{ .app.metadata.name}}",\n  "title_link":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}",\n  "color": "#18be52",\n  "fields": [\n  {\n    "title": "Sync Status",\n    "value": "{{.app.status.sync.status}}",\n    "short": true\n  },\n  {\n    "title": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n    "value": {{- if .app.spec.source }} ":arrow_heading_up: {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}:arrow_heading_up: {{ $source.repoURL }}{{- end }}" {{- end }},\n    "short": true\n  }\n  {{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "title": "{{$c.type}}",\n    "value": "{{$c.message}}",\n    "short": true\n  }\n  {{end}}\n  ]\n}]\n',
    deliveryPolicy: SlackDeliveryPolicy.POST,
    groupingKey: '',
    notifyBroadcast: false,
  },
  teams: {
    facts: '[{\n  "name": "Sync Status",\n  "value": "{{.app.status.sync.status}}"\n},\n{\n  "name": "Synced at",\n  "value": "{{.app.status.operationState.finishedAt}}"\n},\n{\n  "name": {{- if .app.spec.source }} "Repository" {{- else if .app.spec.sources }} "Repositories" {{- end }},\n  "value": {{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n}\n{{range $index, $c := .app.status.conditions}}\n  ,\n  {\n    "name": "{{$c.type}}",\n    "value": "{{$c.message}}"\n  }\n{{end}}\n]\n',
    potentialAction: '[{\n  "@type":"OpenUri",\n  "name":"Operation Details",\n  "targets":[{\n    "os":"default",\n    "uri":"{{.context.argocdUrl}}/applications/{{.app.metadata.name}}?operation=true"\n  }]\n},\n{\n  "@type":"OpenUri",\n  "name":"Open Repository",\n  "targets":[{\n    "os":"default",\n    "uri":{{- if .app.spec.source }} "⬆️ {{ .app.spec.source.repoURL }}" {{- else if .app.spec.sources }} "{{- range $index, $source := .app.spec.sources }}{{ if $index }}\\n{{ end }}⬆️ {{ $source.repoURL }}{{- end }}" {{- end }}\n  }]\n}]\n',
    themeColor: '#000080',
    title: 'Application {{.app.metadata.name}} has been successfully synced',
  },
});

/** The upstream catalog's triggers (each sends the catalog template of the same event). */
export class NotificationCatalog {
  /** `on-created`: Application is created. Sends `app-created`. */
  public static readonly ON_CREATED = new NotificationTrigger({
    name: 'on-created',
    conditions: [{
      description: 'Application is created.',
      oncePer: Expr._known('app.metadata.name'),
      send: [CREATED_TEMPLATE],
      when: Expr._known('true'),
    }],
  });

  /** `on-deleted`: Application is deleted. Sends `app-deleted`. */
  public static readonly ON_DELETED = new NotificationTrigger({
    name: 'on-deleted',
    conditions: [{
      description: 'Application is deleted.',
      oncePer: Expr._known('app.metadata.name'),
      send: [DELETED_TEMPLATE],
      when: Expr._known('app.metadata.deletionTimestamp != nil'),
    }],
  });

  /** `on-deployed`: Application is synced and healthy. Triggered once per commit. Sends `app-deployed`. */
  public static readonly ON_DEPLOYED = new NotificationTrigger({
    name: 'on-deployed',
    conditions: [{
      description: 'Application is synced and healthy. Triggered once per commit.',
      oncePer: Expr._known('app.status.operationState?.syncResult?.revision'),
      send: [DEPLOYED_TEMPLATE],
      when: Expr._known("app.status.operationState != nil and app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy' and (!time.Parse(app.status.health.lastTransitionTime).Add(1 * time.Minute).Before(time.Parse(app.status.operationState.finishedAt)) or time.Parse(app.status.health.lastTransitionTime).Before(time.Parse(app.status.operationState.startedAt)))"),
    }],
  });

  /** `on-health-degraded`: Application has degraded Sends `app-health-degraded`. */
  public static readonly ON_HEALTH_DEGRADED = new NotificationTrigger({
    name: 'on-health-degraded',
    conditions: [{
      description: 'Application has degraded',
      oncePer: Expr._known('app.status.operationState?.syncResult?.revision'),
      send: [HEALTH_DEGRADED_TEMPLATE],
      when: Expr._known("app.status.health.status == 'Degraded'"),
    }],
  });

  /** `on-sync-failed`: Application syncing has failed Sends `app-sync-failed`. */
  public static readonly ON_SYNC_FAILED = new NotificationTrigger({
    name: 'on-sync-failed',
    conditions: [{
      description: 'Application syncing has failed',
      oncePer: Expr._known('app.status.operationState?.syncResult?.revision'),
      send: [SYNC_FAILED_TEMPLATE],
      when: Expr._known("app.status.operationState != nil and app.status.operationState.phase in ['Error', 'Failed']"),
    }],
  });

  /** `on-sync-running`: Application is being synced Sends `app-sync-running`. */
  public static readonly ON_SYNC_RUNNING = new NotificationTrigger({
    name: 'on-sync-running',
    conditions: [{
      description: 'Application is being synced',
      oncePer: Expr._known('app.status.operationState?.syncResult?.revision'),
      send: [SYNC_RUNNING_TEMPLATE],
      when: Expr._known("app.status.operationState != nil and app.status.operationState.phase in ['Running']"),
    }],
  });

  /** `on-sync-status-unknown`: Application status is 'Unknown' Sends `app-sync-status-unknown`. */
  public static readonly ON_SYNC_STATUS_UNKNOWN = new NotificationTrigger({
    name: 'on-sync-status-unknown',
    conditions: [{
      description: "Application status is 'Unknown'",
      oncePer: Expr._known('app.status.operationState?.syncResult?.revision'),
      send: [SYNC_STATUS_UNKNOWN_TEMPLATE],
      when: Expr._known("app.status.sync.status == 'Unknown'"),
    }],
  });

  /** `on-sync-succeeded`: Application syncing has succeeded Sends `app-sync-succeeded`. */
  public static readonly ON_SYNC_SUCCEEDED = new NotificationTrigger({
    name: 'on-sync-succeeded',
    conditions: [{
      description: 'Application syncing has succeeded',
      oncePer: Expr._known('app.status.operationState?.syncResult?.revision'),
      send: [SYNC_SUCCEEDED_TEMPLATE],
      when: Expr._known("app.status.operationState != nil and app.status.operationState.phase in ['Succeeded']"),
    }],
  });

  /** The eight triggers, in the catalog's order. */
  public static all(): NotificationTrigger[] {
    return [
      NotificationCatalog.ON_CREATED, NotificationCatalog.ON_DELETED, NotificationCatalog.ON_DEPLOYED, NotificationCatalog.ON_HEALTH_DEGRADED,
      NotificationCatalog.ON_SYNC_FAILED, NotificationCatalog.ON_SYNC_RUNNING,
      NotificationCatalog.ON_SYNC_STATUS_UNKNOWN, NotificationCatalog.ON_SYNC_SUCCEEDED,
    ];
  }

  private constructor() {}
}
