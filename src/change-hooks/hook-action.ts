import { Duration } from 'cdk8s';
import { compact, undefinedIfEmpty } from '../private/render';

/** A container that runs the action of a {@link HookAction.job}. */
export interface JobActionProps {
  /** The image of the action container. */
  readonly image: string;
  /** The command (the image's entrypoint is replaced). */
  readonly command: string[];
  /**
   * Arguments after the command.
   * @default - none
   */
  readonly args?: string[];
  /**
   * Environment variables of the action container.
   * @default - none
   */
  readonly env?: { [name: string]: string };
  /**
   * ServiceAccount the action's pod runs as, for what the action itself needs. With the
   * postSyncGate strategy this account is also bound to the gate's Role (get/update/patch on
   * the state ConfigMap only).
   * @default - the gate's own ServiceAccount (postSyncGate), else the namespace's default
   */
  readonly serviceAccountName?: string;
  /**
   * Retries of the Job's pod.
   * @default 1
   */
  readonly backoffLimit?: number;
  /**
   * How long the Job may run before Kubernetes stops it (`activeDeadlineSeconds`).
   * @default Duration.minutes(10)
   */
  readonly activeDeadline?: Duration;
  /**
   * Wrap the command in `/bin/sh -c` so that the postSyncGate strategy can skip it when the
   * target did not change. Without the wrapper (images with no shell) the action always runs
   * and must itself exit early unless the file named by `$CHANGE_HOOK_GATE_FILE` exists.
   * Only the postSyncGate strategy reads it.
   * @default true
   */
  readonly shellWrapper?: boolean;
}

/** An HTTP call made by Argo CD Notifications ({@link HookAction.webhook}). */
export interface WebhookActionProps {
  /** The URL the webhook service posts to (`service.webhook.<name>.url`). */
  readonly url: string;
  /**
   * HTTP method of the call.
   * @default 'POST'
   */
  readonly method?: string;
  /**
   * Path appended to `url`.
   * @default - none
   */
  readonly path?: string;
  /**
   * HTTP headers. A value may reference a key of argocd-notifications-secret as `$key`
   * (e.g. `Bearer $cdn-token`); notifications-engine replaces it when it loads the service.
   * `Content-Type: application/json` is added unless given.
   * @default - only Content-Type
   */
  readonly headers?: { [name: string]: string };
  /**
   * Request body, a Go template over the notification variables (`.app`, `.context` …).
   * @default - a JSON document with the Application, the operation and the target's entries of
   *   `syncResult.resources` (see the README)
   */
  readonly body?: string;
}

/** The kind of an action. */
export enum HookActionKind {
  /** A Job in the cluster. */
  JOB = 'job',
  /** An HTTP call through Argo CD Notifications. */
  WEBHOOK = 'webhook',
}

/**
 * What a {@link ResourceChangeHook} runs. The family decides the strategies: a Job runs with
 * postSyncGate (the default), hashNamedJob or childApplication; a webhook only with
 * notification (the default for webhooks).
 */
export class HookAction {
  /** A container run as a Kubernetes Job in the target's namespace. */
  public static job(props: JobActionProps): HookAction {
    if (props.image.trim() === '') throw new Error("HookAction.job: 'image' is empty: give the action's image, e.g. 'curlimages/curl:8.10.1'");
    if (props.command.length === 0) throw new Error("HookAction.job: 'command' is empty: give the command to run, e.g. ['/purge.sh']");
    if (props.backoffLimit !== undefined && (!Number.isInteger(props.backoffLimit) || props.backoffLimit < 0)) {
      throw new Error(`HookAction.job: 'backoffLimit' must be a non-negative integer, got ${props.backoffLimit}: use e.g. 1`);
    }
    return new HookAction(HookActionKind.JOB, props, undefined);
  }

  /** An HTTP call made by Argo CD Notifications after a sync changed the target. */
  public static webhook(props: WebhookActionProps): HookAction {
    if (!/^https?:\/\/\S+$/.test(props.url)) {
      throw new Error(`HookAction.webhook: 'url' must be an http(s) URL, got ${JSON.stringify(props.url)}: use e.g. 'https://hooks.example.com'`);
    }
    return new HookAction(HookActionKind.WEBHOOK, undefined, props);
  }

  private constructor(
    /** Job or webhook. */
    public readonly kind: HookActionKind,
    /** The Job's container, for a Job action. */
    public readonly jobProps: JobActionProps | undefined,
    /** The call, for a webhook action. */
    public readonly webhookProps: WebhookActionProps | undefined) {}
}

/** The file the gate creates when the target changed. */
export const GATE_FILE = '/gate/changed';

/** How the action container is wrapped. */
export enum ActionWrapping {
  /** The command as given. */
  NONE,
  /** Runs only when the gate file exists (`exec`, so the Job fails when the action fails). */
  GATED,
  /** Runs only when the gate file exists and writes its exit code (or `skipped`) to {@link EXIT_CODE_FILE}; always exits 0. */
  GATED_CAPTURE,
}

/** Where the wrapped action writes its exit code for the recorder container. */
export const EXIT_CODE_FILE = '/gate/exit-code';

/** @internal The action container of a Job action. */
export function renderActionContainer(props: JobActionProps, wrapping: ActionWrapping, extraEnv: Array<{ name: string; value: string }> = []): any {
  const gated = wrapping !== ActionWrapping.NONE;
  const env = [
    ...Object.entries(props.env ?? {}).map(([name, value]) => ({ name, value })),
    ...(gated ? [{ name: 'CHANGE_HOOK_GATE_FILE', value: GATE_FILE }] : []),
    ...extraEnv,
  ];
  const wrap = gated && props.shellWrapper !== false;
  const script = wrapping === ActionWrapping.GATED_CAPTURE
    ? `if [ -f ${GATE_FILE} ]; then "$0" "$@"; echo "$?" > ${EXIT_CODE_FILE}; else echo "target unchanged: action skipped"; echo skipped > ${EXIT_CODE_FILE}; fi; exit 0`
    : `if [ -f ${GATE_FILE} ]; then exec "$0" "$@"; fi; echo "target unchanged: action skipped"`;
  return compact({
    name: 'action',
    image: props.image,
    command: wrap ? ['/bin/sh', '-c', script] : props.command,
    args: wrap ? [...props.command, ...(props.args ?? [])] : undefinedIfEmpty(props.args),
    env: undefinedIfEmpty(env),
    volumeMounts: gated ? [{ name: 'gate', mountPath: '/gate' }] : undefined,
  });
}

/** @internal `spec` of a Job running `containers`. */
export function renderJobSpec(
  props: JobActionProps,
  pod: { containers: any[]; initContainers?: any[]; volumes?: any[]; serviceAccountName?: string },
): any {
  return {
    backoffLimit: props.backoffLimit ?? 1,
    activeDeadlineSeconds: (props.activeDeadline ?? Duration.minutes(10)).toSeconds(),
    template: {
      spec: compact({
        restartPolicy: 'Never',
        serviceAccountName: pod.serviceAccountName ?? props.serviceAccountName,
        initContainers: pod.initContainers,
        containers: pod.containers,
        volumes: pod.volumes,
      }),
    },
  };
}
