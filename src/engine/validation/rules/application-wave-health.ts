import { CrossObjectRule, IndexedFinding, RuleContext } from './rule';
import { ARGOCD_CM } from '../../argo/config-names';
import { ANNOTATION_SYNC_WAVE } from '../../core/annotation-keys';
import { pointer } from '../../core/json-pointer';
import { isObject, str } from '../../core/values';
import { warning } from '../problem';

const q = (v: unknown) => JSON.stringify(v);

/**
 * Sync waves on Applications gate an app of apps only when the argoproj.io/Application health
 * check is restored in argocd-cm (removed in Argo CD 1.8; docs/operator-manual/health.md).
 */
export const applicationWaveHealthRule: CrossObjectRule = {
  id: 'application/wave-health-check',
  check(ctx: RuleContext): IndexedFinding[] {
    const restored = ctx.objects.some((o) => isObject(o) && o.kind === 'ConfigMap' && str(o.metadata?.name) === ARGOCD_CM && isObject(o.data)
      && (o.data['resource.customizations.health.argoproj.io_Application'] !== undefined
        || /argoproj\.io\/Application:[\s\S]*health\.lua/.test(str(o.data['resource.customizations']))));
    if (restored) return [];
    const out: IndexedFinding[] = [];
    ctx.objects.forEach((o, index) => {
      if (!isObject(o) || o.kind !== 'Application' || !str(o.apiVersion).startsWith('argoproj.io/')) return;
      const wave = o.metadata?.annotations?.[ANNOTATION_SYNC_WAVE];
      if (wave === undefined) return;
      out.push({
        index,
        finding: warning('application/wave-health-check', pointer('metadata', 'annotations', ANNOTATION_SYNC_WAVE),
          `Application '${str(o.metadata?.name)}' has sync wave ${q(wave)}, but waves between Applications only gate when the argoproj.io/Application health check is restored in argocd-cm (resource.customizations.health.argoproj.io_Application): add that health check, or expect every child to sync at once`),
      });
    });
    return out;
  },
};
