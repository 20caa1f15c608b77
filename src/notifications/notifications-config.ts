import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { NotificationService } from './service';
import { GlobalSubscription } from './subscription';
import { NotificationTemplate } from './template';
import { NotificationTrigger } from './trigger';
import { DEFAULT_NAMESPACE } from '../engine/argo/namespace';
import { NOTIFICATIONS_CONFIGMAP, NOTIFICATIONS_SECRET, subscriptionSelectorError } from '../engine/argo/notifications';
import { lazy } from '../engine/core/lazy';
import { appValidationOf } from '../private/app-validation';
import { validationError } from '../private/errors';
import { compact, undefinedIfEmpty } from '../private/render';

// The YAML writer loads at synth, when the ConfigMap renders.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yamlLibrary = lazy(() => require('yaml') as typeof import('yaml'));

/** Properties of the notifications configuration. */
export interface NotificationsConfigProps {
  /**
   * Namespace of the ConfigMap: Argo CD's (the controller's) or, in self-service mode, the
   * Applications' namespace.
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * Self-service mode (`--self-service-notification-enabled`): the ConfigMap lives in the
   * Applications' namespace and templates get no `.secrets`.
   * @default false
   */
  readonly selfService?: boolean;
  /**
   * `context`: values templates read as `.context.<key>` (e.g. `argocdUrl`).
   * @default - none
   */
  readonly context?: { [key: string]: string };
  /** @default - none */
  readonly services?: NotificationService[];
  /** @default - none (templates sent by added triggers are added with them) */
  readonly templates?: NotificationTemplate[];
  /** @default - none */
  readonly triggers?: NotificationTrigger[];
  /**
   * Triggers used when a subscription names none (`defaultTriggers`).
   * @default - none
   */
  readonly defaultTriggers?: NotificationTrigger[];
  /**
   * Global subscriptions (`subscriptions`).
   * @default - none
   */
  readonly subscriptions?: GlobalSubscription[];
}

/**
 * `argocd-notifications-cm`: services, templates, triggers, default triggers, global
 * subscriptions and context, validated with the `notifications/*` rules at synth. Secret values
 * live in `argocd-notifications-secret`, managed elsewhere; `secretKeys` names the keys it must hold.
 */
export class NotificationsConfig extends Construct {
  /** The ConfigMap. */
  public readonly apiObject: ApiObject;
  /** The ConfigMap's namespace. */
  public readonly namespace: string;
  /** Whether this is a self-service configuration. */
  public readonly selfService: boolean;
  private readonly services = new Map<string, NotificationService>();
  private readonly templates = new Map<string, NotificationTemplate>();
  private readonly triggers = new Map<string, NotificationTrigger>();
  private readonly defaultTriggers: NotificationTrigger[] = [];
  private readonly serviceDefaultTriggers = new Map<string, NotificationTrigger[]>();
  private readonly subscriptions: GlobalSubscription[] = [];
  private readonly context: { [key: string]: string };

  constructor(scope: Construct, id: string, props: NotificationsConfigProps = {}) {
    super(scope, id);
    this.namespace = props.namespace ?? DEFAULT_NAMESPACE;
    this.selfService = props.selfService ?? false;
    this.context = { ...(props.context ?? {}) };
    this.apiObject = new ApiObject(this, 'Resource', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: NOTIFICATIONS_CONFIGMAP, namespace: this.namespace },
      data: Lazy.any({ produce: () => this.renderData() }),
    } as any);
    props.services?.forEach((s) => this.addService(s));
    props.templates?.forEach((t) => this.addTemplate(t));
    props.triggers?.forEach((t) => this.addTrigger(t));
    props.defaultTriggers?.forEach((t) => this.addDefaultTrigger(t));
    props.subscriptions?.forEach((s) => this.addSubscription(s));
    // The engine judges the ConfigMap with everything else the App renders (subscriptions included), once per synth.
    appValidationOf(this).addContext(() => []);
  }

  /** Adds a service (`service.<type>[.<name>]`). */
  public addService(service: NotificationService): void {
    if (this.services.has(service.name)) throw validationError(this, `service ${JSON.stringify(service.name)} is added twice: give each service a distinct name`);
    this.services.set(service.name, service);
  }

  /** Adds a template (`template.<name>`). */
  public addTemplate(template: NotificationTemplate): void {
    const existing = this.templates.get(template.name);
    if (existing === template) return;
    if (existing) throw validationError(this, `template ${JSON.stringify(template.name)} is added twice: give each template a distinct name`);
    if (this.selfService && /\.secrets\b/.test(JSON.stringify(template._toConfig()))) {
      throw validationError(this, `template ${JSON.stringify(template.name)} uses .secrets, which self-service notifications never provide: move the secret into a service configuration as a $key reference`);
    }
    this.templates.set(template.name, template);
  }

  /** Adds a trigger (`trigger.<name>`) and the templates it sends. */
  public addTrigger(trigger: NotificationTrigger): void {
    const existing = this.triggers.get(trigger.name);
    if (existing === trigger) return;
    if (existing) throw validationError(this, `trigger ${JSON.stringify(trigger.name)} is added twice: give each trigger a distinct name`);
    this.triggers.set(trigger.name, trigger);
    trigger.templates.forEach((t) => this.addTemplate(t));
  }

  /**
   * Adds a default trigger (`defaultTriggers`, or `defaultTriggers.<service>` with a service): used
   * by subscriptions that name no trigger.
   */
  public addDefaultTrigger(trigger: NotificationTrigger, service?: NotificationService): void {
    this.addTrigger(trigger);
    if (service === undefined) this.defaultTriggers.push(trigger);
    else this.serviceDefaultTriggers.set(service.name, [...(this.serviceDefaultTriggers.get(service.name) ?? []), trigger]);
  }

  /** Adds a global subscription (`subscriptions`). */
  public addSubscription(subscription: GlobalSubscription): void {
    const selectorProblem = subscription.selector ? subscriptionSelectorError(subscription.selector.value) : undefined;
    if (selectorProblem) throw validationError(this, `subscription ${selectorProblem}`);
    subscription.triggers?.forEach((t) => this.addTrigger(t));
    this.subscriptions.push(subscription);
  }

  /** Sets a `context` value. */
  public addContext(key: string, value: string): void {
    this.context[key] = value;
  }

  /** The keys argocd-notifications-secret must hold (the `$key` references of the services). */
  public get secretKeys(): string[] {
    return [...new Set([...this.services.values()].flatMap((s) => s.secretKeys))].sort();
  }

  /** The name of the Secret the services' `$key` references read. */
  public get secretName(): string {
    return NOTIFICATIONS_SECRET;
  }

  private renderData(): { [key: string]: string } {
    const yaml = (v: unknown) => yamlLibrary().stringify(v, { lineWidth: 0 });
    const data: { [key: string]: string } = {};
    for (const s of this.services.values()) data[s.key] = yaml(s._toConfig());
    for (const t of this.templates.values()) data[t.key] = yaml(t._toConfig());
    for (const t of this.triggers.values()) data[t.key] = yaml(t._toConfig());
    if (this.defaultTriggers.length) data.defaultTriggers = yaml(this.defaultTriggers.map((t) => t.name));
    for (const [service, triggers] of this.serviceDefaultTriggers) data[`defaultTriggers.${service}`] = yaml(triggers.map((t) => t.name));
    if (this.subscriptions.length) {
      data.subscriptions = yaml(this.subscriptions.map((s) => compact({
        recipients: [...s.recipients],
        triggers: undefinedIfEmpty([...(s.triggers ?? []).map((t) => t.name), ...(s.triggerNames ?? [])]),
        selector: s.selector?.value || undefined,
      })));
    }
    if (Object.keys(this.context).length) data.context = yaml(this.context);
    return data;
  }
}
