import { ApiObject } from 'cdk8s';
import { IConstruct } from 'constructs';
import { NotificationService } from './service';
import { NotificationTrigger } from './trigger';
import { notificationNameError, parseRecipients, subscriptionAnnotations } from '../engine/argo/notifications';
import { NOTIFICATIONS_SUBSCRIBE_PREFIX } from '../engine/core/annotation-keys';
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

  /** The annotation keys set so far. */
  public get keys(): string[] {
    return Object.keys(ApiObject.of(this.scope).metadata.toJson().annotations ?? {}).filter((k) => k.startsWith(NOTIFICATIONS_SUBSCRIBE_PREFIX));
  }
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
   * A Kubernetes label selector on the Applications, e.g. `team=web`.
   * @default - every Application
   */
  readonly selector?: string;
}
