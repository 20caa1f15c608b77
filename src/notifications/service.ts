import { Duration } from 'cdk8s';
import { notificationNameError, secretKeyError, serviceTypeError } from '../engine/argo/notifications';
import { formatGoDuration } from '../engine/core/go-duration';
import { compact, undefinedIfEmpty, undefinedIfEmptyMap } from '../private/render';

/**
 * A key of `argocd-notifications-secret`, referenced from a service configuration as `$key`
 * (notifications-engine `pkg/api/config.go` replaces every `[$][\w-]+` in service YAML strings).
 * The value never appears in code or output.
 */
export class NotificationSecret {
  /** References `argocd-notifications-secret` key `key` (letters, digits, `_`, `-`). */
  public static fromKey(key: string): NotificationSecret {
    const problem = secretKeyError(key);
    if (problem) throw new Error(problem);
    return new NotificationSecret(key);
  }

  private constructor(
    /** The Secret key. */
    public readonly key: string,
  ) {}

  /** `$key`, usable inside a string, e.g. `Bearer ${secret}`. */
  public toString(): string {
    return `$${this.key}`;
  }
}

/** A header of a webhook request. */
export interface WebhookHeader {
  /** Header name. */
  readonly name: string;
  /** Value; put a secret in with a template string: `Bearer ${NotificationSecret.fromKey('token')}`. */
  readonly value: string;
}

/** HTTP basic authentication. */
export interface NotificationBasicAuth {
  readonly username: string;
  readonly password: NotificationSecret;
}

/** Options every service takes. */
export interface NotificationServiceOptions {
  /**
   * The service name subscriptions use (`service.<type>.<name>`); no dots.
   * @default - the service type (`service.<type>`)
   */
  readonly name?: string;
}

/** Slack (notifications-engine `SlackOptions`). */
export interface SlackServiceOptions extends NotificationServiceOptions {
  /** Bot token. */
  readonly token: NotificationSecret;
  /** @default - the bot's name */
  readonly username?: string;
  /** Emoji or URL. @default - the bot's icon */
  readonly icon?: string;
  /** @default - none */
  readonly signingSecret?: NotificationSecret;
  /** @default - none: channels come from the subscriptions */
  readonly channels?: string[];
  /** Slack-compatible API URL (e.g. Mattermost's). @default 'https://slack.com/api' */
  readonly apiURL?: string;
  /** @default false */
  readonly disableUnfurl?: boolean;
  /** @default false */
  readonly insecureSkipVerify?: boolean;
}

/** A webhook (notifications-engine `WebhookOptions`). */
export interface WebhookServiceOptions extends NotificationServiceOptions {
  /** Base URL; a template's `path` is appended. */
  readonly url: string;
  /** @default - none (notifications-engine sets no Content-Type) */
  readonly headers?: WebhookHeader[];
  /** @default - none */
  readonly basicAuth?: NotificationBasicAuth;
  /** @default 3 */
  readonly retryMax?: number;
  /** @default Duration.seconds(1) */
  readonly retryWaitMin?: Duration;
  /** @default Duration.seconds(5) */
  readonly retryWaitMax?: Duration;
  /** @default false */
  readonly insecureSkipVerify?: boolean;
}

/** Email over SMTP (notifications-engine `EmailOptions`). */
export interface EmailServiceOptions extends NotificationServiceOptions {
  readonly host: string;
  /** @default - none */
  readonly port?: number;
  /** Sender address. */
  readonly from: string;
  /** @default - no authentication */
  readonly username?: NotificationSecret;
  /** @default - no authentication */
  readonly password?: NotificationSecret;
  /** Send HTML mail. @default false */
  readonly html?: boolean;
  /** @default false */
  readonly insecureSkipVerify?: boolean;
}

/** Microsoft Teams via Workflows (notifications-engine `TeamsWorkflowsOptions`). */
export interface TeamsWorkflowsServiceOptions extends NotificationServiceOptions {
  /** Recipient name → workflow URL (a secret reference). */
  readonly recipientUrls: { [recipient: string]: NotificationSecret };
}

/** GitHub App (notifications-engine `GitHubOptions`). */
export interface GitHubServiceOptions extends NotificationServiceOptions {
  readonly appID: string;
  readonly installationID: string;
  readonly privateKey: NotificationSecret;
  /** @default - github.com */
  readonly enterpriseBaseURL?: string;
}

/** Google Chat (notifications-engine `GoogleChatOptions`, yaml key `webhooks`). */
export interface GoogleChatServiceOptions extends NotificationServiceOptions {
  /** Space name → webhook URL (a secret reference). */
  readonly webhooks: { [space: string]: NotificationSecret };
}

/** Opsgenie (notifications-engine `OpsgenieOptions`). */
export interface OpsgenieServiceOptions extends NotificationServiceOptions {
  /** e.g. `api.opsgenie.com`. */
  readonly apiUrl: string;
  /** Team id → API key. */
  readonly apiKeys: { [team: string]: NotificationSecret };
}

/** PagerDuty Events v2 (notifications-engine `PagerDutyV2Options`). */
export interface PagerDutyV2ServiceOptions extends NotificationServiceOptions {
  /** Service name → integration key. */
  readonly serviceKeys: { [service: string]: NotificationSecret };
}

/** Alertmanager (notifications-engine `AlertmanagerOptions`). */
export interface AlertmanagerServiceOptions extends NotificationServiceOptions {
  /** `host:port` of each Alertmanager. */
  readonly targets: string[];
  /** @default 'http' */
  readonly scheme?: string;
  /** @default '/api/v2/alerts' */
  readonly apiPath?: string;
  /** @default - none */
  readonly basicAuth?: NotificationBasicAuth;
  /** @default - none */
  readonly bearerToken?: NotificationSecret;
}

/** Grafana annotations (notifications-engine `GrafanaOptions`). */
export interface GrafanaServiceOptions extends NotificationServiceOptions {
  readonly apiUrl: string;
  readonly apiKey: NotificationSecret;
}

/** Telegram (notifications-engine `TelegramOptions`). */
export interface TelegramServiceOptions extends NotificationServiceOptions {
  readonly token: NotificationSecret;
}

/** Mattermost (notifications-engine `MattermostOptions`). */
export interface MattermostServiceOptions extends NotificationServiceOptions {
  readonly apiURL: string;
  readonly token: NotificationSecret;
  /** @default false */
  readonly insecureSkipVerify?: boolean;
}

function secrets(map: { [key: string]: NotificationSecret }): { [key: string]: string } {
  const out: { [key: string]: string } = {};
  for (const [k, v] of Object.entries(map)) out[k] = v.toString();
  return out;
}

function duration(d: Duration | undefined): string | undefined {
  return d === undefined ? undefined : formatGoDuration(d.toMilliseconds());
}

function str(s: NotificationSecret | undefined): string | undefined {
  return s?.toString();
}

/**
 * A notification service: one `service.<type>[.<name>]` key of argocd-notifications-cm. Secrets
 * are `$key` references to argocd-notifications-secret.
 */
export class NotificationService {
  public static slack(options: SlackServiceOptions): NotificationService {
    return new NotificationService('slack', options.name, compact({
      token: options.token.toString(),
      username: options.username,
      icon: options.icon,
      signingSecret: str(options.signingSecret),
      channels: undefinedIfEmpty(options.channels),
      apiURL: options.apiURL,
      disableUnfurl: options.disableUnfurl,
      insecureSkipVerify: options.insecureSkipVerify,
    }));
  }

  public static webhook(options: WebhookServiceOptions): NotificationService {
    return new NotificationService('webhook', options.name, compact({
      url: options.url,
      headers: undefinedIfEmpty(options.headers)?.map((h) => ({ name: h.name, value: h.value })),
      basicAuth: options.basicAuth ? { username: options.basicAuth.username, password: options.basicAuth.password.toString() } : undefined,
      retryWaitMin: duration(options.retryWaitMin),
      retryWaitMax: duration(options.retryWaitMax),
      retryMax: options.retryMax,
      insecureSkipVerify: options.insecureSkipVerify,
    }));
  }

  public static email(options: EmailServiceOptions): NotificationService {
    return new NotificationService('email', options.name, compact({
      host: options.host,
      port: options.port,
      from: options.from,
      username: str(options.username),
      password: str(options.password),
      html: options.html,
      insecure_skip_verify: options.insecureSkipVerify,
    }));
  }

  public static teamsWorkflows(options: TeamsWorkflowsServiceOptions): NotificationService {
    return new NotificationService('teams-workflows', options.name, { recipientUrls: secrets(options.recipientUrls) });
  }

  public static github(options: GitHubServiceOptions): NotificationService {
    return new NotificationService('github', options.name, compact({
      appID: options.appID,
      installationID: options.installationID,
      privateKey: options.privateKey.toString(),
      enterpriseBaseURL: options.enterpriseBaseURL,
    }));
  }

  public static googleChat(options: GoogleChatServiceOptions): NotificationService {
    return new NotificationService('googlechat', options.name, { webhooks: secrets(options.webhooks) });
  }

  public static opsgenie(options: OpsgenieServiceOptions): NotificationService {
    return new NotificationService('opsgenie', options.name, { apiUrl: options.apiUrl, apiKeys: secrets(options.apiKeys) });
  }

  public static pagerDutyV2(options: PagerDutyV2ServiceOptions): NotificationService {
    return new NotificationService('pagerdutyv2', options.name, { serviceKeys: secrets(options.serviceKeys) });
  }

  public static alertmanager(options: AlertmanagerServiceOptions): NotificationService {
    return new NotificationService('alertmanager', options.name, compact({
      targets: [...options.targets],
      scheme: options.scheme,
      apiPath: options.apiPath,
      basicAuth: options.basicAuth ? { username: options.basicAuth.username, password: options.basicAuth.password.toString() } : undefined,
      bearerToken: str(options.bearerToken),
    }));
  }

  public static grafana(options: GrafanaServiceOptions): NotificationService {
    return new NotificationService('grafana', options.name, { apiUrl: options.apiUrl, apiKey: options.apiKey.toString() });
  }

  public static telegram(options: TelegramServiceOptions): NotificationService {
    return new NotificationService('telegram', options.name, { token: options.token.toString() });
  }

  public static mattermost(options: MattermostServiceOptions): NotificationService {
    return new NotificationService('mattermost', options.name, compact({ apiURL: options.apiURL, token: options.token.toString(), insecureSkipVerify: options.insecureSkipVerify }));
  }

  /**
   * Any service type notifications-engine knows (e.g. `rocketchat`, `pushover`, `webex`), with
   * its configuration as Argo CD reads it; put secrets in as `$key` strings.
   */
  public static custom(type: string, config: { [key: string]: any }, options: NotificationServiceOptions = {}): NotificationService {
    const problem = serviceTypeError(type);
    if (problem) throw new Error(problem);
    return new NotificationService(type, options.name, { ...config });
  }

  /** The service name subscriptions use. */
  public readonly name: string;

  private constructor(
    /** The service type (`slack`, `webhook`, …). */
    public readonly type: string,
    name: string | undefined,
    private readonly config: { [key: string]: any },
  ) {
    this.name = name ?? type;
    const problem = notificationNameError('service', this.name);
    if (problem) throw new Error(problem);
  }

  /** The ConfigMap key: `service.<type>` or `service.<type>.<name>`. */
  public get key(): string {
    return this.name === this.type ? `service.${this.type}` : `service.${this.type}.${this.name}`;
  }

  /** The secret keys the configuration references. */
  public get secretKeys(): string[] {
    const keys = new Set<string>();
    const walk = (v: unknown) => {
      if (typeof v === 'string') for (const m of v.matchAll(/[$]([\w-]+)/g)) keys.add(m[1]);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { walk(k); walk(x); }
    };
    walk(this.config);
    return [...keys].sort();
  }

  /** @internal the configuration as Argo CD reads it. */
  public _toConfig(): { [key: string]: any } {
    return undefinedIfEmptyMap(this.config) ?? {};
  }
}
