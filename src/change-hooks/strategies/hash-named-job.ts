import { createHash } from 'crypto';
import { ApiObject, ApiObjectProps, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import { ANNOTATION_CHANGE_HOOK } from '../../engine/argo/change-hooks';
import { ANNOTATION_COMPARE_OPTIONS, ANNOTATION_SYNC_WAVE } from '../../engine/core/annotation-keys';
import { HashNamedJobProps } from '../change-hook-strategy';
import { canonicalJson } from '../content-hash';
import { ActionWrapping, renderActionContainer, renderJobSpec } from '../hook-action';
import { ChangeHookContext } from './context';

/** Characters of the hash in the Job name. */
export const NAME_HASH_LENGTH = 10;

/**
 * A Job whose `metadata.name` is `<prefix>-<hash of its spec>`, set when it is rendered: the spec
 * carries the target's content hash (`CHANGE_HOOK_CONTENT_HASH`), so the name changes exactly
 * when the target or the Job itself changes. A Job's pod template is immutable, so a changed
 * action must get a new name too, or the sync would fail to update it.
 */
class HashNamedJob extends ApiObject {
  constructor(scope: Construct, id: string, private readonly prefix: string, props: ApiObjectProps) {
    super(scope, id, props);
  }

  public toJson(): any {
    const json = super.toJson();
    const hash = createHash('sha256').update(canonicalJson(json.spec), 'utf8').digest('hex').slice(0, NAME_HASH_LENGTH);
    return { ...json, metadata: { ...json.metadata, name: `${this.prefix}-${hash}` } };
  }
}

/** Generates the hash-named Job in the target's chart. */
export function generateHashNamedJob(ctx: ChangeHookContext, props: HashNamedJobProps): ApiObject {
  const job = ctx.action.jobProps!;
  const hash = Lazy.any({ produce: () => ctx.contentHash() }) as unknown as string;
  return new HashNamedJob(ctx.targetScope(), ctx.hookId, ctx.hookId, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: ctx.hookId,
      namespace: ctx.inClusterNamespace(),
      annotations: {
        [ANNOTATION_SYNC_WAVE]: Lazy.any({ produce: () => String(ctx.targetWave() + 1) }) as unknown as string,
        ...(props.ignoreExtraneous ?? true ? { [ANNOTATION_COMPARE_OPTIONS]: 'IgnoreExtraneous' } : {}),
        [ANNOTATION_CHANGE_HOOK]: ctx.marker({ strategy: 'hashNamedJob' }),
      },
    },
    spec: renderJobSpec(job, { containers: [renderActionContainer(job, ActionWrapping.NONE, [{ name: 'CHANGE_HOOK_CONTENT_HASH', value: hash }])] }),
  });
}
