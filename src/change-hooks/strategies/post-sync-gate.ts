import { ApiObject, Chart, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ANNOTATION_CHANGE_HOOK } from '../../engine/argo/change-hooks';
import { ANNOTATION_HOOK, ANNOTATION_HOOK_DELETE_POLICY, ANNOTATION_SYNC_WAVE } from '../../engine/core/annotation-keys';
import { validationError } from '../../private/errors';
import { GatePhase, PostSyncGateProps } from '../change-hook-strategy';
import { ActionWrapping, EXIT_CODE_FILE, GATE_FILE, renderActionContainer, renderJobSpec } from '../hook-action';
import { ChangeHookContext } from './context';

/** The gate image when none is given: sh and kubectl. */
export const DEFAULT_GATE_IMAGE = 'alpine/k8s:1.31.2';

/** The init container's script: touch the gate file when the recorded hash differs. */
export const GATE_SCRIPT = [
  'set -eu',
  'recorded="$(kubectl get configmap "$STATE_CONFIGMAP" -n "$POD_NAMESPACE" -o "jsonpath={.data.$STATE_KEY}")"',
  'if [ "$recorded" = "$EXPECTED_HASH" ]; then',
  '  echo "target unchanged ($EXPECTED_HASH): the action is skipped"',
  'else',
  '  echo "target changed (${recorded:-nothing recorded} -> $EXPECTED_HASH): the action runs"',
  `  touch ${GATE_FILE}`,
  'fi',
].join('\n');

const PATCH = 'kubectl patch configmap "$STATE_CONFIGMAP" -n "$POD_NAMESPACE" --type merge -p "{\\"data\\":{\\"$STATE_KEY\\":\\"$EXPECTED_HASH\\"}}"';

/** The record Job's script. */
export const RECORD_SCRIPT = ['set -eu', PATCH, 'echo "recorded $EXPECTED_HASH"'].join('\n');

/** The recorder container's script (failSyncOnError: false): record only after a successful action, always exit 0. */
export const RECORDER_SCRIPT = [
  `while [ ! -f ${EXIT_CODE_FILE} ]; do sleep 1; done`,
  `code="$(cat ${EXIT_CODE_FILE})"`,
  'case "$code" in',
  `  0) if ${PATCH}; then echo "recorded $EXPECTED_HASH"; else echo "could not record the hash: the next sync runs the action again"; fi ;;`,
  '  skipped) echo "target unchanged: nothing to record" ;;',
  '  *) echo "action failed (exit $code): the hash is not recorded, the next sync runs the action again" ;;',
  'esac',
  'exit 0',
].join('\n');

/**
 * The per-Application state of the gate in one namespace of one chart: the ConfigMap (no `data`,
 * so the hashes the Jobs write survive client-side and server-side apply), and the
 * ServiceAccount, Role and RoleBinding that may read and write that one ConfigMap.
 */
export class GateState extends Construct {
  /** The state of `configMapName` in `chart`, created once. */
  public static of(chart: Chart, configMapName: string, namespace: string): GateState {
    const id = `change-hooks-state-${namespace}-${configMapName}`;
    return (chart.node.tryFindChild(id) as GateState | undefined) ?? new GateState(chart, id, configMapName, namespace);
  }

  /** The ServiceAccount of the gate and record containers. */
  public readonly serviceAccountName: string;
  private readonly subjects: string[] = [];
  private readonly waveBounds: Array<() => number> = [];

  private constructor(scope: Construct, id: string, public readonly configMapName: string, public readonly namespace: string) {
    super(scope, id);
    this.serviceAccountName = `${configMapName}-gate`;
    this.subjects.push(this.serviceAccountName);
    const metadata = (name: string) => ({
      name,
      namespace,
      annotations: { [ANNOTATION_SYNC_WAVE]: Lazy.any({ produce: () => this.wave() }) as unknown as string },
    });
    new ApiObject(this, 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata(configMapName) });
    new ApiObject(this, 'ServiceAccount', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(this.serviceAccountName) });
    new ApiObject(this, 'Role', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: metadata(this.serviceAccountName),
      rules: [{ apiGroups: [''], resources: ['configmaps'], resourceNames: [configMapName], verbs: ['get', 'update', 'patch'] }],
    });
    new ApiObject(this, 'RoleBinding', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: metadata(this.serviceAccountName),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.serviceAccountName },
      subjects: Lazy.any({ produce: () => this.subjects.map((name) => ({ kind: 'ServiceAccount', name, namespace })) }),
    });
  }

  /** Lets another ServiceAccount (the action's own) use the gate. */
  public addSubject(serviceAccountName: string): void {
    if (!this.subjects.includes(serviceAccountName)) this.subjects.push(serviceAccountName);
  }

  /** The state objects must exist before a gate Job in a Sync wave below 0 runs. */
  public addWaveBound(wave: () => number): void {
    this.waveBounds.push(wave);
  }

  private wave(): string | undefined {
    const min = Math.min(0, ...this.waveBounds.map((w) => w()));
    return min < 0 ? String(min) : undefined;
  }
}

/** The ConfigMap key of a hook: `[A-Za-z0-9_]`, so the jsonpath needs no escaping. */
export function stateKeyOf(hookId: string): string {
  return hookId.replace(/-/g, '_');
}

/** The objects of a postSyncGate hook. */
export interface PostSyncGateObjects {
  readonly state: GateState;
  readonly run: ApiObject;
  /** Absent with `failSyncOnError: false` (the recorder runs in the same pod). */
  readonly record?: ApiObject;
}

/** Generates the gate Jobs (and the shared state) in the target's chart. */
export function generatePostSyncGate(ctx: ChangeHookContext, props: PostSyncGateProps, applicationName: string): PostSyncGateObjects {
  const job = ctx.action.jobProps!;
  const failSyncOnError = props.failSyncOnError ?? true;
  if (!failSyncOnError && job.shellWrapper === false) {
    throw validationError(ctx.scope, 'postSyncGate({ failSyncOnError: false }) needs the shell wrapper to capture the action\'s exit code, but the action sets shellWrapper: false: remove shellWrapper: false (the image needs /bin/sh) or keep failSyncOnError: true');
  }
  const scope = ctx.targetScope();
  const namespace = ctx.inClusterNamespace();
  const state = GateState.of(Chart.of(scope), props.stateConfigMapName ?? `${applicationName}-change-hooks-state`, namespace);
  if (job.serviceAccountName !== undefined) state.addSubject(job.serviceAccountName);
  const afterTarget = props.phase === GatePhase.AFTER_TARGET_WAVE;
  if (afterTarget) state.addWaveBound(() => ctx.targetWave() + 1);

  const image = props.gateImage ?? DEFAULT_GATE_IMAGE;
  const env = [
    { name: 'EXPECTED_HASH', value: Lazy.any({ produce: () => ctx.contentHash() }) as unknown as string },
    { name: 'STATE_CONFIGMAP', value: state.configMapName },
    { name: 'STATE_KEY', value: stateKeyOf(ctx.hookId) },
    { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
  ];
  const marker = ctx.marker({ strategy: 'postSyncGate', application: applicationName, failSyncOnError });
  const hookAnnotations = (offset: number) => ({
    [ANNOTATION_HOOK]: afterTarget ? 'Sync' : 'PostSync',
    [ANNOTATION_HOOK_DELETE_POLICY]: 'BeforeHookCreation',
    [ANNOTATION_SYNC_WAVE]: afterTarget ? Lazy.any({ produce: () => String(ctx.targetWave() + 1 + offset) }) as unknown as string : String(offset),
    [ANNOTATION_CHANGE_HOOK]: marker,
  });
  const gateVolume = { name: 'gate', emptyDir: {} };
  const mount = { name: 'gate', mountPath: '/gate' };
  const actionEnv = [{ name: 'CHANGE_HOOK_CONTENT_HASH', value: env[0].value as string }];

  const containers = failSyncOnError
    ? [renderActionContainer(job, ActionWrapping.GATED, actionEnv)]
    : [
      renderActionContainer(job, ActionWrapping.GATED_CAPTURE, actionEnv),
      { name: 'recorder', image, command: ['/bin/sh', '-c', RECORDER_SCRIPT], env, volumeMounts: [mount] },
    ];
  const run = new ApiObject(scope, `${ctx.hookId}-run`, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${ctx.hookId}-run`, namespace, annotations: hookAnnotations(0) },
    spec: renderJobSpec(job, {
      serviceAccountName: job.serviceAccountName ?? state.serviceAccountName,
      initContainers: [{ name: 'gate', image, command: ['/bin/sh', '-c', GATE_SCRIPT], env, volumeMounts: [mount] }],
      containers,
      volumes: [gateVolume],
    }),
  });
  if (!failSyncOnError) return { state, run };
  const record = new ApiObject(scope, `${ctx.hookId}-record`, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `${ctx.hookId}-record`, namespace, annotations: hookAnnotations(1) },
    spec: renderJobSpec({ ...job, serviceAccountName: undefined }, {
      serviceAccountName: state.serviceAccountName,
      containers: [{ name: 'record', image, command: ['/bin/sh', '-c', RECORD_SCRIPT], env }],
    }),
  });
  return { state, run, record };
}
