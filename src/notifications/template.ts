import { configMapKeyError, templateBlockError } from '../engine/argo/notifications';
import { compact } from '../private/render';

/** The `email` block (notifications-engine `EmailNotification`). Go templates. */
export interface EmailTemplate {
  /** @default - none */
  readonly subject?: string;
  /** Replaces the message as the mail body. @default - the message */
  readonly body?: string;
}

/** How Slack delivers a message with a grouping key. */
export enum SlackDeliveryPolicy {
  /** Always post a new message. */
  POST = 'Post',
  /** Post, then update the message of the same grouping key. */
  POST_AND_UPDATE = 'PostAndUpdate',
  /** Only update an existing message. */
  UPDATE = 'Update',
}

/** The `slack` block (notifications-engine `SlackNotification`). */
export interface SlackTemplate {
  /** Attachments JSON (a Go template). @default - none */
  readonly attachments?: string;
  /** Block Kit JSON (a Go template). @default - none */
  readonly blocks?: string;
  /** @default - the service's */
  readonly username?: string;
  /** @default - the service's */
  readonly icon?: string;
  /** Messages with the same key form a thread (a Go template). @default - no grouping */
  readonly groupingKey?: string;
  /** Also post thread replies to the channel. @default - not set */
  readonly notifyBroadcast?: boolean;
  /** @default - not set (Post) */
  readonly deliveryPolicy?: SlackDeliveryPolicy;
}

/** The `teams` (Office 365 connector) or `teams-workflows` block. Go templates. */
export interface TeamsTemplate {
  /** @default - none */
  readonly title?: string;
  /** @default - none */
  readonly summary?: string;
  /** @default - none */
  readonly text?: string;
  /** @default - none */
  readonly themeColor?: string;
  /** Facts JSON. @default - none */
  readonly facts?: string;
  /** Sections JSON. @default - none */
  readonly sections?: string;
  /** Actions JSON. @default - none */
  readonly potentialAction?: string;
  /** A whole message card JSON. @default - none */
  readonly template?: string;
  /** Adaptive Card JSON (teams-workflows only). @default - none */
  readonly adaptiveCard?: string;
}

/** One `webhook.<service>` entry: the request a webhook service sends. */
export interface WebhookTemplate {
  /** The webhook service's name (its `service.webhook.<name>`). */
  readonly service: string;
  /** HTTP method (not a template). @default 'GET' */
  readonly method?: string;
  /** Appended to the service URL (a Go template). @default - the URL as is */
  readonly path?: string;
  /** Request body (a Go template). @default - the message */
  readonly body?: string;
}

/** `github.status`. */
export interface GitHubStatusTemplate {
  readonly state: string;
  /** @default - none */
  readonly label?: string;
  /** @default - none */
  readonly targetURL?: string;
}

/** `github.deployment`. */
export interface GitHubDeploymentTemplate {
  readonly state: string;
  /** @default - none */
  readonly environment?: string;
  /** @default - none */
  readonly environmentURL?: string;
  /** @default - none */
  readonly logURL?: string;
  /** @default - none */
  readonly requiredContexts?: string[];
  /** @default - GitHub's default */
  readonly autoMerge?: boolean;
  /** @default - GitHub's default */
  readonly transientEnvironment?: boolean;
  /** @default - the revision */
  readonly reference?: string;
}

/** `github.pullRequestComment`. */
export interface GitHubPullRequestCommentTemplate {
  readonly content: string;
  /** Updates the comment with the same tag instead of adding one. @default - a new comment each time */
  readonly commentTag?: string;
}

/** The `github` block. */
export interface GitHubTemplate {
  /** @default - none */
  readonly status?: GitHubStatusTemplate;
  /** @default - none */
  readonly deployment?: GitHubDeploymentTemplate;
  /** @default - none */
  readonly pullRequestComment?: GitHubPullRequestCommentTemplate;
  /** @default '{{.app.spec.source.repoURL}}' */
  readonly repoURLPath?: string;
  /** @default '{{.app.status.operationState.syncResult.revision}}' */
  readonly revisionPath?: string;
}

/** The `pagerdutyv2` block (notifications-engine `PagerDutyV2Notification`). Go templates. */
export interface PagerDutyV2Template {
  readonly summary: string;
  /** `critical`, `error`, `warning` or `info`. */
  readonly severity: string;
  readonly source: string;
  /** @default - none */
  readonly component?: string;
  /** @default - none */
  readonly group?: string;
  /** @default - none */
  readonly class?: string;
  /** @default - none */
  readonly url?: string;
  /** @default - none */
  readonly dedupKey?: string;
}

/** A notification template: `template.<name>` of argocd-notifications-cm. */
export interface NotificationTemplateProps {
  /** Template name (what a trigger's `send` names). */
  readonly name: string;
  /**
   * The message (a Go text/template with Sprig; variables `.app`, `.context`, `.secrets`,
   * `.appProject`, `.serviceType`, `.recipient`).
   * @default - none (service blocks only)
   */
  readonly message?: string;
  /** @default - none */
  readonly email?: EmailTemplate;
  /** @default - none */
  readonly slack?: SlackTemplate;
  /** @default - none */
  readonly mattermost?: { readonly attachments?: string };
  /** Office 365 connector cards (retired by Microsoft; prefer teamsWorkflows). @default - none */
  readonly teams?: TeamsTemplate;
  /** @default - none */
  readonly teamsWorkflows?: TeamsTemplate;
  /** @default - none */
  readonly webhooks?: WebhookTemplate[];
  /** @default - none */
  readonly github?: GitHubTemplate;
  /** `cards`, `cardsV2`, `threadKey`. @default - none */
  readonly googleChat?: { readonly cards?: string; readonly cardsV2?: string; readonly threadKey?: string };
  /** @default - none */
  readonly pagerDutyV2?: PagerDutyV2Template;
  /**
   * Other blocks as Argo CD reads them (e.g. `opsgenie`, `alertmanager`, `rocketchat`).
   * @default - none
   */
  readonly blocks?: { [block: string]: any };
}

/** A notification template. */
export class NotificationTemplate {
  /** The template name. */
  public readonly name: string;
  private readonly props: NotificationTemplateProps;

  constructor(props: NotificationTemplateProps) {
    const keyProblem = configMapKeyError(`template.${props.name}`);
    if (keyProblem) throw new Error(`template ${JSON.stringify(props.name)}: ${keyProblem}`);
    for (const block of Object.keys(props.blocks ?? {})) {
      const problem = templateBlockError(block);
      if (problem) throw new Error(`template ${JSON.stringify(props.name)}: ${problem}`);
    }
    this.name = props.name;
    this.props = props;
  }

  /** The ConfigMap key. */
  public get key(): string {
    return `template.${this.name}`;
  }

  /** @internal the template as Argo CD reads it. */
  public _toConfig(): { [key: string]: any } {
    const p = this.props;
    const webhook: { [service: string]: any } = {};
    for (const w of p.webhooks ?? []) webhook[w.service] = compact({ method: w.method, path: w.path, body: w.body });
    const gh = p.github;
    return compact({
      'message': p.message,
      'email': p.email ? compact({ ...p.email }) : undefined,
      'slack': p.slack ? compact({ ...p.slack }) : undefined,
      'mattermost': p.mattermost ? compact({ ...p.mattermost }) : undefined,
      'teams': p.teams ? compact({ ...p.teams }) : undefined,
      'teams-workflows': p.teamsWorkflows ? compact({ ...p.teamsWorkflows }) : undefined,
      'webhook': Object.keys(webhook).length ? webhook : undefined,
      'github': gh ? compact({
        status: gh.status ? compact({ ...gh.status }) : undefined,
        deployment: gh.deployment ? compact({ ...gh.deployment }) : undefined,
        pullRequestComment: gh.pullRequestComment ? compact({ ...gh.pullRequestComment }) : undefined,
        repoURLPath: gh.repoURLPath,
        revisionPath: gh.revisionPath,
      }) : undefined,
      'googlechat': p.googleChat ? compact({ ...p.googleChat }) : undefined,
      'pagerdutyv2': p.pagerDutyV2 ? compact({ ...p.pagerDutyV2 }) : undefined,
      ...(p.blocks ?? {}),
    });
  }
}
