import { pointer } from '../../core/json-pointer';
import { error, Manifest, warning } from '../problem';
import { CrossObjectRule, IndexedFinding, RuleContext } from './rule';

/** A known plugin: the name Applications dial, and its parameter announcements. */
interface KnownPlugin {
  readonly dialName: string;
  readonly metadataName: string;
  readonly announcements: Map<string, { collectionType: string; required: boolean }>;
  readonly dynamic: boolean;
}

function knownPlugin(config: Manifest): KnownPlugin | undefined {
  if (config === null || typeof config !== 'object' || config.kind !== 'ConfigManagementPlugin') return undefined;
  const name = config.metadata?.name;
  if (typeof name !== 'string' || name === '') return undefined;
  const version = typeof config.spec?.version === 'string' ? config.spec.version : '';
  const announcements = new Map<string, { collectionType: string; required: boolean }>();
  const list = config.spec?.parameters?.static;
  for (const a of Array.isArray(list) ? list : []) {
    if (a && typeof a.name === 'string') announcements.set(a.name, { collectionType: a.collectionType || 'string', required: a.required === true });
  }
  return { dialName: version ? `${name}-${version}` : name, metadataName: name, announcements, dynamic: config.spec?.parameters?.dynamic !== undefined };
}

/** Plugin configs from the options and from ConfigMaps in the input that hold a `plugin.yaml` key. */
function knownPlugins(context: RuleContext): KnownPlugin[] {
  const configs: Manifest[] = [...(context.extraPlugins ?? [])];
  for (const o of context.objects) {
    if (o?.kind === 'ConfigMap' && o.apiVersion === 'v1' && typeof o.data?.['plugin.yaml'] === 'string') {
      try {
        // Loaded only when a plugin ConfigMap is in the input: most runs never pay for the YAML parser.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        configs.push((require('yaml') as typeof import('yaml')).parse(o.data['plugin.yaml']));
      } catch {
        // A ConfigMap whose plugin.yaml does not parse is no known plugin.
      }
    }
  }
  return configs.map(knownPlugin).filter((p): p is KnownPlugin => p !== undefined);
}

const isPluginSource = (s: Manifest): boolean => s !== null && typeof s === 'object' && s.plugin !== null && typeof s.plugin === 'object';

/** Whether a source of the Application has a `plugin` object (most have none: then nothing is built). */
function hasPluginSource(app: Manifest): boolean {
  const spec = app.spec ?? {};
  return isPluginSource(spec.source) || (Array.isArray(spec.sources) && spec.sources.some(isPluginSource));
}

function sourcesOf(app: Manifest): Array<{ source: Manifest; at: string[] }> {
  const spec = app.spec ?? {};
  const out: Array<{ source: Manifest; at: string[] }> = [];
  if (spec.source && typeof spec.source === 'object') out.push({ source: spec.source, at: ['spec', 'source'] });
  if (Array.isArray(spec.sources)) spec.sources.forEach((s: Manifest, i: number) => s && typeof s === 'object' && out.push({ source: s, at: ['spec', 'sources', String(i)] }));
  return out;
}

/**
 * An Application's `source.plugin` against the Config Management Plugins it may target
 * (`reference/argocd-spec.md` a.3, a.7): the repo-server dials `<sockdir>/<plugin.name>.sock`, so
 * `plugin.name` must be `<metadata.name>-<spec.version>` (or `<metadata.name>` with no version), and
 * rejects names with `/` or `..`; parameters should be announced by the plugin, with the announced
 * collection type, and required ones set. Quiet when no plugin is known, except for the name shape.
 */
export const pluginRule: CrossObjectRule = {
  id: 'plugin',
  check(context: RuleContext): IndexedFinding[] {
    const findings: IndexedFinding[] = [];
    let plugins: KnownPlugin[] | undefined;
    context.objects.forEach((app, index) => {
      if (app?.kind !== 'Application' || typeof app.apiVersion !== 'string' || !app.apiVersion.startsWith('argoproj.io/') || !hasPluginSource(app)) return;
      for (const { source, at } of sourcesOf(app)) {
        const plugin = source.plugin;
        if (plugin === null || typeof plugin !== 'object') continue;
        const name = plugin.name;
        if (typeof name === 'string' && name !== '' && (name.includes('/') || name.includes('..'))) {
          findings.push({ index, finding: error('plugin/name', pointer(...at, 'plugin', 'name'), `plugin.name ${JSON.stringify(name)} contains "/" or "..", which the repo-server rejects: use the plugin's <metadata.name>-<spec.version>`) });
          continue;
        }
        plugins ??= knownPlugins(context);
        if (plugins.length === 0) continue;
        let target: KnownPlugin | undefined;
        if (typeof name === 'string' && name !== '') {
          target = plugins.find((p) => p.dialName === name);
          if (!target) {
            const byMetadata = plugins.find((p) => p.metadataName === name);
            const hint = byMetadata ? `the plugin ${JSON.stringify(name)} has a version, so Argo CD dials ${JSON.stringify(byMetadata.dialName)}` : `known plugins: ${plugins.map((p) => p.dialName).join(', ')}`;
            findings.push({ index, finding: error('plugin/name', pointer(...at, 'plugin', 'name'), `plugin.name ${JSON.stringify(name)} matches no plugin socket (${hint}): set plugin.name to ${JSON.stringify((byMetadata ?? plugins[0]).dialName)}`) });
            continue;
          }
        } else if (plugins.length === 1) {
          target = plugins[0];
        } else {
          continue;
        }
        const params = Array.isArray(plugin.parameters) ? plugin.parameters : [];
        const given = new Set<string>();
        params.forEach((p: Manifest, i: number) => {
          if (!p || typeof p.name !== 'string') return;
          given.add(p.name);
          const where = pointer(...at, 'plugin', 'parameters', String(i));
          const announced = target!.announcements.get(p.name);
          if (!announced) {
            const known = [...target!.announcements.keys()];
            const message = `plugin parameter ${JSON.stringify(p.name)} is not announced by plugin ${target!.dialName}${known.length ? ` (announced: ${known.join(', ')})` : ''}: fix the name or announce it in the plugin's spec.parameters`;
            // A dynamic announcement may add it; only the static list is known here.
            findings.push({ index, finding: target!.dynamic ? warning('plugin/parameter', where, message) : error('plugin/parameter', where, message) });
            return;
          }
          const type = p.array !== undefined ? 'array' : p.map !== undefined ? 'map' : 'string';
          if (type !== announced.collectionType) {
            findings.push({ index, finding: error('plugin/parameter-type', where, `plugin parameter ${JSON.stringify(p.name)} is set as ${type === 'string' ? 'a string' : type === 'map' ? 'a map' : 'an array'} but plugin ${target!.dialName} announces collectionType ${announced.collectionType}: set it with '${announced.collectionType}:'`) });
          }
        });
        for (const [pname, a] of target.announcements) {
          if (a.required && !given.has(pname)) {
            findings.push({ index, finding: error('plugin/parameter-required', pointer(...at, 'plugin'), `plugin ${target.dialName} requires parameter ${JSON.stringify(pname)}: add it to plugin.parameters`) });
          }
        }
      }
    });
    return findings;
  },
};
