import { Duration, JsonPatch } from 'cdk8s';
import { IConstruct } from 'constructs';
import { Application } from '../../application/application';
import {
  ambiguousChangeDetectionError, ANNOTATION_CHANGE_HOOK_NOTIFICATION_PREFIX, applicationSyncOptionsOf, ChangeHookTargetRef,
  resourceSyncOptionsOf, targetRefString,
} from '../../engine/argo/change-hooks';
import { Expr } from '../../notifications/expr';
import { NotificationsConfig } from '../../notifications/notifications-config';
import { NotificationService } from '../../notifications/service';
import { NotificationSubscriptions } from '../../notifications/subscription';
import { NotificationTemplate } from '../../notifications/template';
import { NotificationTrigger } from '../../notifications/trigger';
import { validationError } from '../../private/errors';
import { ChangeDetection, NotificationStrategyProps } from '../change-hook-strategy';
import { ChangeHookContext } from './context';

/** What the trigger expression is built from. */
export interface ChangeTriggerOptions {
  readonly target: ChangeHookTargetRef;
  /** `created`, `configured`, `pruned`. */
  readonly on: readonly string[];
  readonly changeDetection: ChangeDetection;
  /** 0 disables the staleness guard. */
  readonly staleAfterMinutes: number;
  readonly requireHealthy: boolean;
}

/** `.group == 'apps' and .kind == … and (.namespace ?? '') == 'shop'` (no namespace clause for a cluster-scoped target). */
function isTarget(t: ChangeHookTargetRef): Expr {
  const clauses = [
    Expr.element('group').eq(Expr.string(t.group)),
    Expr.element('kind').eq(Expr.string(t.kind)),
    Expr.element('name').eq(Expr.string(t.name)),
  ];
  if (t.namespace !== undefined) clauses.push(Expr.element('namespace').orElse(Expr.string('')).eq(Expr.string(t.namespace)));
  return Expr.and(...clauses);
}

/**
 * The trigger condition (resource-hooks.md §2.3): the operation succeeded and was no dry run, the
 * target's entry in `syncResult.resources` says it was applied and changed, and the operation is
 * recent. `?.` on every hop that may be missing and `?? []` before `any`/`in`, so an Application
 * that never synced evaluates to false without a run-time error.
 */
export function changeTriggerWhen(o: ChangeTriggerOptions): Expr {
  const message = Expr.element('message').orElse(Expr.string(''));
  const notUnchanged = Expr.not(message.contains(Expr.string(' unchanged')));
  const syncOptions = Expr.path('app.status.operationState.operation?.sync?.syncOptions').orElse(Expr.list([]));
  const verdicts = o.on.filter((k) => k !== 'pruned').map((k) => message.contains(Expr.string(`/${o.target.name} ${k}`)));
  let changed: Expr;
  switch (o.changeDetection) {
    case ChangeDetection.ANY_APPLY:
      changed = Expr.bool(true);
      break;
    case ChangeDetection.APPLY_OUT_OF_SYNC_ONLY:
      changed = notUnchanged;
      break;
    default:
      changed = Expr.or(Expr.and(Expr.string('ApplyOutOfSyncOnly=true').in(syncOptions), notUnchanged), ...verdicts);
  }
  const applied = o.changeDetection === ChangeDetection.ANY_APPLY
    ? Expr.and(Expr.element('status').eq(Expr.string('Synced')), Expr.element('hookType').orElse(Expr.string('')).eq(Expr.string('')))
    : Expr.and(Expr.element('status').eq(Expr.string('Synced')), Expr.element('hookType').orElse(Expr.string('')).eq(Expr.string('')), changed);
  const kinds = o.on.includes('pruned') ? Expr.or(applied, Expr.element('status').eq(Expr.string('Pruned'))) : applied;
  const parts = [
    Expr.path('app.status?.operationState?.phase').eq(Expr.string('Succeeded')),
    Expr.not(Expr.path('app.status.operationState.operation?.sync?.dryRun').orElse(Expr.bool(false))),
    Expr.any(Expr.path('app.status.operationState.syncResult?.resources').orElse(Expr.list([])), Expr.and(isTarget(o.target), kinds)),
  ];
  if (o.staleAfterMinutes > 0) {
    parts.push(Expr.timeNow().call('Sub', Expr.timeParse(Expr.path('app.status.operationState.finishedAt'))).call('Minutes').lt(Expr.number(o.staleAfterMinutes)));
  }
  if (o.requireHealthy) {
    parts.push(Expr.any(Expr.path('app.status?.resources').orElse(Expr.list([])),
      Expr.and(isTarget(o.target), Expr.element('health').get('status', true).orElse(Expr.string('Healthy')).eq(Expr.string('Healthy')))));
  }
  return Expr.and(...parts);
}

/** `oncePer`: once per sync operation (the revision would suppress a re-sync of the same commit). */
export const ONCE_PER_OPERATION = 'app.status?.operationState?.startedAt';

/**
 * The default webhook body (resource-hooks.md §3): the Application, the operation, the target
 * and the target's entries of `syncResult.resources`, every value through `toJson`.
 */
export function defaultWebhookBody(t: ChangeHookTargetRef): string {
  const q = (s: string) => JSON.stringify(s);
  const match = [`(eq .group ${q(t.group)})`, `(eq .kind ${q(t.kind)})`, `(eq .name ${q(t.name)})`];
  if (t.namespace !== undefined) match.push(`(eq .namespace ${q(t.namespace)})`);
  return [
    '{',
    '  "application": {{ toJson .app.metadata.name }},',
    '  "appNamespace": {{ toJson .app.metadata.namespace }},',
    '  "revision": {{ toJson .app.status.operationState.syncResult.revision }},',
    '  "revisions": {{ toJson .app.status.operationState.syncResult.revisions }},',
    '  "operationStartedAt": {{ toJson .app.status.operationState.startedAt }},',
    '  "operationFinishedAt": {{ toJson .app.status.operationState.finishedAt }},',
    `  "target": ${JSON.stringify(t)},`,
    '  "targetResults": [',
    '    {{- $first := true -}}',
    '    {{- range .app.status.operationState.syncResult.resources -}}',
    `      {{- if and ${match.join(' ')} -}}`,
    '        {{- if not $first }},{{ end -}}{{- $first = false -}}{{ toJson . }}',
    '      {{- end -}}',
    '    {{- end -}}',
    '  ]',
    '}',
  ].join('\n');
}

/** The NotificationsConfig of the App when none is given: exactly one must exist. */
function findConfig(scope: IConstruct): NotificationsConfig {
  const found = scope.node.root.node.findAll().filter((c): c is NotificationsConfig => c instanceof NotificationsConfig);
  if (found.length === 1) return found[0];
  throw validationError(scope, `the notification strategy adds its service, template and trigger to a NotificationsConfig, and the app has ${found.length === 0 ? 'none' : found.length}: pass ChangeHookStrategy.notification({ config })`);
}

/** The objects of a notification hook. */
export interface NotificationObjects {
  readonly service: NotificationService;
  readonly template: NotificationTemplate;
  readonly trigger: NotificationTrigger;
  readonly when: Expr;
}

/** Adds the service, template and trigger to the NotificationsConfig and subscribes the Application. */
export function generateNotification(ctx: ChangeHookContext, props: NotificationStrategyProps): NotificationObjects {
  const app = ctx.application;
  if (!(app instanceof Application)) {
    throw validationError(ctx.scope, `the notification strategy subscribes Application ${JSON.stringify(app.name)} to its trigger, which needs the Application construct, not a reference: pass the Application, or use a Job strategy`);
  }
  const changeDetection = props.changeDetection ?? ChangeDetection.AUTO;
  const targetOptions = () => (ctx.targetObject ? resourceSyncOptionsOf(ctx.targetObject.toJson()) : []);
  const ambiguity = () => (changeDetection === ChangeDetection.AUTO
    ? ambiguousChangeDetectionError(app.name, applicationSyncOptionsOf(app.apiObject.toJson()), targetOptions(), targetRefString(ctx.target))
    : undefined);
  const eager = ambiguity();
  if (eager) throw validationError(ctx.scope, eager);
  ctx.scope.node.addValidation({ validate: () => [ambiguity()].filter((p): p is string => p !== undefined) });
  if (changeDetection === ChangeDetection.APPLY_OUT_OF_SYNC_ONLY) addApplyOutOfSyncOnly(app);

  const webhook = ctx.action.webhookProps!;
  const config = props.config ?? findConfig(ctx.scope);
  const headers = { ...webhook.headers };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
  const service = NotificationService.webhook({
    name: props.serviceName ?? `${ctx.hookId}-hook`,
    url: webhook.url,
    headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
  });
  const template = new NotificationTemplate({
    name: ctx.hookId,
    webhooks: [{ service: service.name, method: webhook.method ?? 'POST', path: webhook.path, body: webhook.body ?? defaultWebhookBody(ctx.target) }],
  });
  const staleAfter = props.staleAfter ?? Duration.minutes(30);
  const when = changeTriggerWhen({
    target: ctx.target,
    on: ctx.on,
    changeDetection,
    staleAfterMinutes: staleAfter.toMinutes({ integral: false }),
    requireHealthy: props.requireHealthy ?? false,
  });
  const verbs = ctx.on.join(' or ');
  const trigger = new NotificationTrigger({
    name: `on-${ctx.hookId}`,
    conditions: [{
      description: `${targetRefString(ctx.target)} was ${verbs} by a successful sync`,
      oncePer: Expr.path(ONCE_PER_OPERATION),
      send: [template],
      when,
    }],
  });
  config.addService(service);
  config.addTrigger(trigger);
  NotificationSubscriptions.of(app).subscribe(trigger, service);
  app.apiObject.metadata.addAnnotation(`${ANNOTATION_CHANGE_HOOK_NOTIFICATION_PREFIX}${ctx.hookId}`, ctx.marker({ strategy: 'notification', changeDetection }));
  return { service, template, trigger, when };
}

/** Adds `ApplyOutOfSyncOnly=true` to the Application's sync options (a wire-form patch; the options are fixed at construction). */
function addApplyOutOfSyncOnly(app: Application): void {
  const policy = app.apiObject.toJson().spec?.syncPolicy;
  const option = 'ApplyOutOfSyncOnly=true';
  if (policy === undefined) {
    app.apiObject.addJsonPatch(JsonPatch.add('/spec/syncPolicy', { syncOptions: [option] }));
  } else if (!Array.isArray(policy.syncOptions)) {
    app.apiObject.addJsonPatch(JsonPatch.add('/spec/syncPolicy/syncOptions', [option]));
  } else if (!policy.syncOptions.includes(option)) {
    app.apiObject.addJsonPatch(JsonPatch.add('/spec/syncPolicy/syncOptions/-', option));
  }
}
