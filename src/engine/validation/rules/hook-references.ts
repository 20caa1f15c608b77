import { HOOK_TYPE } from '../../argo/hooks';
import { syncPhasesOf, waveOf } from '../../argo/sync-annotations';
import { kindRank, phaseRank } from '../../argo/sync-order';
import { pointer } from '../../core/json-pointer';
import { str } from '../../core/values';
import { Manifest, warning } from '../problem';
import { CrossObjectRule, hasAnnotations, IndexedFinding, RuleContext } from './rule';

/** Where a kind keeps its pod spec. */
const POD_SPEC_PATHS: { [kind: string]: string[] } = {
  Pod: ['spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
};

interface Reference {
  readonly kind: string;
  readonly name: string;
  readonly path: string;
}

/** ConfigMaps, Secrets, PersistentVolumeClaims and the ServiceAccount a pod spec needs to start. */
export function podSpecReferences(object: Manifest): Reference[] {
  const base = POD_SPEC_PATHS[str(object.kind)];
  if (base === undefined) return [];
  let spec: any = object;
  for (const seg of base) spec = spec !== null && typeof spec === 'object' ? spec[seg] : undefined;
  if (spec === null || typeof spec !== 'object') return [];
  const out: Reference[] = [];
  const add = (kind: string, name: unknown, ...path: Array<string | number>) => {
    if (typeof name === 'string' && name !== '') out.push({ kind, name, path: pointer(...base, ...path) });
  };
  add('ServiceAccount', spec.serviceAccountName, 'serviceAccountName');
  for (const field of ['initContainers', 'containers']) {
    const containers = Array.isArray(spec[field]) ? spec[field] : [];
    containers.forEach((c: any, i: number) => {
      (Array.isArray(c?.envFrom) ? c.envFrom : []).forEach((e: any, j: number) => {
        if (e?.configMapRef?.optional !== true) add('ConfigMap', e?.configMapRef?.name, field, i, 'envFrom', j, 'configMapRef', 'name');
        if (e?.secretRef?.optional !== true) add('Secret', e?.secretRef?.name, field, i, 'envFrom', j, 'secretRef', 'name');
      });
      (Array.isArray(c?.env) ? c.env : []).forEach((e: any, j: number) => {
        const from = e?.valueFrom;
        if (from?.configMapKeyRef?.optional !== true) add('ConfigMap', from?.configMapKeyRef?.name, field, i, 'env', j, 'valueFrom', 'configMapKeyRef', 'name');
        if (from?.secretKeyRef?.optional !== true) add('Secret', from?.secretKeyRef?.name, field, i, 'env', j, 'valueFrom', 'secretKeyRef', 'name');
      });
    });
  }
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: any, i: number) => {
    if (v?.configMap?.optional !== true) add('ConfigMap', v?.configMap?.name, 'volumes', i, 'configMap', 'name');
    if (v?.secret?.optional !== true) add('Secret', v?.secret?.secretName, 'volumes', i, 'secret', 'secretName');
    add('PersistentVolumeClaim', v?.persistentVolumeClaim?.claimName, 'volumes', i, 'persistentVolumeClaim', 'claimName');
  });
  return out;
}


/**
 * A PreSync hook whose pod needs a ConfigMap, Secret, PersistentVolumeClaim or ServiceAccount that
 * the same input applies only later (in the Sync phase, or after it in PreSync): on the first sync
 * the pod cannot start (the object does not exist yet), and on later syncs it reads the previous
 * version. A hook runs before the normal resources of its Application are applied.
 */
export const hookReferencesRule: CrossObjectRule = {
  id: 'hook/references-later-object',
  check(ctx: RuleContext): IndexedFinding[] {
    const out: IndexedFinding[] = [];
    const objects = ctx.objects;
    // Built on the first PreSync hook: most inputs have none.
    let byKey: Map<string, Manifest> | undefined;
    const objectsByKey = () => {
      const map = new Map<string, Manifest>();
      for (const o of objects) {
        if (o === null || typeof o !== 'object') continue;
        map.set(`${str(o.kind)}/${str(o.metadata?.namespace)}/${str(o.metadata?.name)}`, o);
      }
      return map;
    };
    objects.forEach((hook, index) => {
      // Without annotations an object is no hook: it runs in the Sync phase.
      if (hook === null || typeof hook !== 'object' || !hasAnnotations(hook)) return;
      const phases = syncPhasesOf(hook);
      if (!phases.includes(HOOK_TYPE.PRE_SYNC)) return;
      const wave = waveOf(hook);
      const namespace = str(hook.metadata?.namespace);
      for (const ref of podSpecReferences(hook)) {
        const target = (byKey ??= objectsByKey()).get(`${ref.kind}/${namespace}/${ref.name}`);
        if (target === undefined) continue;
        const targetPhases = syncPhasesOf(target);
        if (targetPhases.length === 0) continue;
        const first = Math.min(...targetPhases.map(phaseRank));
        // same wave: Argo CD applies kind by kind, so an earlier kind (ConfigMap before Job) is in time
        const later = first > phaseRank(HOOK_TYPE.PRE_SYNC) || waveOf(target) > wave
          || (waveOf(target) === wave && kindRank(str(target.kind)) >= kindRank(str(hook.kind)));
        if (!later) continue;
        const when = first > phaseRank(HOOK_TYPE.PRE_SYNC) ? `in the ${targetPhases[0]} phase` : `in PreSync wave ${waveOf(target)}, after this hook (wave ${wave})`;
        out.push({
          index,
          finding: warning('hook/references-later-object', ref.path,
            `PreSync hook needs ${ref.kind} ${JSON.stringify(ref.name)}, which this sync applies only ${when}: on the first sync the pod cannot start and later it reads the previous version; make the ${ref.kind} a PreSync hook in a lower wave (argocd.argoproj.io/hook: PreSync, sync-wave below ${wave}) or mark the reference optional`),
        });
      }
    });
    return out;
  },
};
