import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { NotificationService } from './service';
import { NotificationTrigger } from './trigger';
import { appendLongFormSubscriptions, notificationNameError, parseRecipients, subscriptionAnnotations } from '../engine/argo/notifications';
import { NOTIFICATIONS_SUBSCRIBE_PREFIX, NOTIFICATIONS_SUBSCRIPTIONS } from '../engine/core/annotation-keys';
import { selectorStringOf } from '../engine/core/label-selector';
import { validationError } from '../private/errors';

/** One subscription by name (for objects whose annotations are written without constructs). */
export interface NotificationSubscriptionSpec {
  /**
   * The trigger name.
   * @default - the ConfigMap's defaultTriggers (`subscribe.<service>`)
   */
  readonly trigger?: string;
  /** The service name. */
  readonly service: string;
  /**
   * Recipients (a Slack channel, an email address…); a webhook needs none.
   * @default - one empty recipient
   */
  readonly recipients?: string[];
}

/**
 * The subscription annotations for the given subscriptions, in the short form
 * `notifications.argoproj.io/subscribe.<trigger>.<service>: r1;r2` (recipients of the same key
 * merged). For ApplicationSet templates and any object not built with these constructs:
 *
 * ```ts
 * template: { metadata: { annotations: notificationSubscriptionAnnotations([{ trigger: 'on-sync-failed', service: 'slack', recipients: ['alerts'] }]) } }
 * ```
 * Throws when a trigger or service name contains a dot (the annotation could not name it).
 */
export function notificationSubscriptionAnnotations(subscriptions: NotificationSubscriptionSpec[]): { [key: string]: string } {
  for (const s of subscriptions) {
    const problem = (s.trigger !== undefined ? notificationNameError('trigger', s.trigger) : undefined) ?? notificationNameError('service', s.service);
    if (problem) throw new Error(problem);
  }
  return subscriptionAnnotations(subscriptions.map((s) => ({ trigger: s.trigger, service: s.service, recipients: s.recipients ?? [] })));
}

/**
 * The notification subscriptions of an Application or AppProject (an AppProject's apply to all its
 * Applications): `notifications.argoproj.io/subscribe.<trigger>.<service>` annotations.
 */
export class NotificationSubscriptions {
  /** The subscriptions of any Argo CD object construct (its L1 `ApiObject`). */
  public static of(scope: IConstruct): NotificationSubscriptions {
    return new NotificationSubscriptions(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Subscribes recipients of a service to a trigger. */
  public subscribe(trigger: NotificationTrigger, service: NotificationService, recipients?: string[]): void {
    this.subscribeByName(trigger.name, service.name, recipients);
  }

  /** Subscribes recipients of a service to the ConfigMap's default triggers (`subscribe.<service>`). */
  public subscribeToDefaultTriggers(service: NotificationService, recipients?: string[]): void {
    this.add({ service: service.name, recipients });
  }

  /** Subscribes by name, for triggers and services configured elsewhere (e.g. the catalog installed by Argo CD). */
  public subscribeByName(trigger: string, service: string, recipients?: string[]): void {
    this.add({ trigger, service, recipients });
  }

  private add(spec: NotificationSubscriptionSpec): void {
    let annotations: { [key: string]: string };
    try {
      annotations = notificationSubscriptionAnnotations([spec]);
    } catch (e) {
      throw validationError(this.scope, (e as Error).message);
    }
    const metadata = ApiObject.of(this.scope).metadata;
    for (const [key, value] of Object.entries(annotations)) {
      const existing = (metadata.toJson().annotations ?? {})[key];
      const merged = existing === undefined ? value : [...new Set([...parseRecipients(existing), ...parseRecipients(value)])].join(';');
      metadata.addAnnotation(key, merged);
    }
  }

  /**
   * Adds a subscription in the long form: the YAML list of the
   * `notifications.argoproj.io/subscriptions` annotation, where one entry subscribes several
   * services (each with its recipients) to several triggers:
   *
   * ```ts
   * app.notifications.addSubscription({ triggers: [onSyncFailed], destinations: [{ service: slack, recipients: ['#alerts'] }, { service: hook }] });
   * ```
   * renders `- trigger: [on-sync-failed]\n  destinations: [{service: slack, recipients: ['#alerts']}, {service: hook, recipients: []}]`.
   */
  public addSubscription(subscription: NotificationSubscription): void {
    const triggers = [...(subscription.triggers ?? []).map((t) => t.name), ...(subscription.triggerNames ?? [])];
    const destinations = subscription.destinations.map((d, i) => {
      if ((d.service === undefined) === (d.serviceName === undefined)) {
        throw validationError(this.scope, `subscription destination ${i} must give exactly one of service and serviceName`);
      }
      return { service: d.service?.name ?? d.serviceName!, recipients: (d.recipients ?? []).filter((r) => r !== '') };
    });
    if (destinations.length === 0) throw validationError(this.scope, 'subscription has no destinations: it would notify nobody; add destinations: [{ service, recipients }]');
    for (const problem of [...triggers.map((t) => notificationNameError('trigger', t)), ...destinations.map((d) => notificationNameError('service', d.service))]) {
      if (problem) throw validationError(this.scope, problem);
    }
    const metadata = ApiObject.of(this.scope).metadata;
    const existing = (metadata.toJson().annotations ?? {})[NOTIFICATIONS_SUBSCRIPTIONS];
    metadata.addAnnotation(NOTIFICATIONS_SUBSCRIPTIONS, appendLongFormSubscriptions(existing, [{ triggers, destinations }]));
  }

  /** The annotation keys set so far. */
  public get keys(): string[] {
    return Object.keys(ApiObject.of(this.scope).metadata.toJson().annotations ?? {})
      .filter((k) => k.startsWith(NOTIFICATIONS_SUBSCRIBE_PREFIX) || k === NOTIFICATIONS_SUBSCRIPTIONS);
  }
}

/** Where a long-form subscription sends: a service and its recipients. */
export interface NotificationDestination {
  /**
   * The service (give this or `serviceName`).
   * @default - `serviceName`
   */
  readonly service?: NotificationService;
  /**
   * The name of a service configured elsewhere (give this or `service`).
   * @default - `service`
   */
  readonly serviceName?: string;
  /**
   * Recipients (Slack channels, email addresses…); a webhook needs none.
   * @default - none
   */
  readonly recipients?: string[];
}

/** One entry of the long-form `notifications.argoproj.io/subscriptions` annotation. */
export interface NotificationSubscription {
  /**
   * The triggers.
   * @default - none: with no `triggerNames` either, the ConfigMap's default triggers
   */
  readonly triggers?: NotificationTrigger[];
  /**
   * Trigger names configured elsewhere (e.g. the catalog installed by Argo CD).
   * @default - none
   */
  readonly triggerNames?: string[];
  /** The services and recipients to notify. */
  readonly destinations: NotificationDestination[];
}

/**
 * Which Applications a global subscription applies to: a Kubernetes label selector over their
 * labels (`labels.Parse` syntax).
 */
export class SubscriptionSelector {
  /** Applications carrying all these labels (`team=web,env=prod`). */
  public static matchLabels(labels: { [key: string]: string }): SubscriptionSelector {
    return new SubscriptionSelector(selectorStringOf(labels));
  }

  /**
   * A selector string as `labels.Parse` reads it, e.g. `team in (web,api),env!=dev,!legacy`;
   * checked when the subscription is added.
   */
  public static fromString(selector: string): SubscriptionSelector {
    return new SubscriptionSelector(selector);
  }

  private constructor(
    /** The selector string written to the ConfigMap. */
    public readonly value: string,
  ) {}
}

/** A global subscription of argocd-notifications-cm (applies to every Application, or to those its selector matches). */
export interface GlobalSubscription {
  /** Recipients as `<service>:<recipient>` (or a webhook service name). */
  readonly recipients: string[];
  /**
   * The triggers.
   * @default - the defaultTriggers
   */
  readonly triggers?: NotificationTrigger[];
  /**
   * Trigger names configured elsewhere (e.g. the catalog).
   * @default - none
   */
  readonly triggerNames?: string[];
  /**
   * The Applications it applies to, by their labels.
   * @default - every Application
   */
  readonly selector?: SubscriptionSelector;
}
