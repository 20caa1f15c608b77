import * as fs from 'fs';
import { InputError } from './errors';
import { parseYaml } from './project-config';
import { PluginParameterValue } from '../../cmp/build-environment';
import { Manifest } from '../../engine/core/manifest';

/** Where argocd-cmp-server reads plugin.yaml (`--config-dir-path` default). */
export const SIDECAR_PLUGIN_CONFIG = '/home/argocd/cmp-server/config/plugin.yaml';

/** The plugin.yaml the render runs under, and the defaults of its parameter announcements. */
export interface PluginContext {
  /** The parsed plugin.yaml, for the `plugin/*` rules. */
  readonly config?: Manifest;
  /** Static announcements' default values (applied to the app's parameters). */
  readonly defaults: PluginParameterValue[];
}

/**
 * The plugin.yaml given with `--plugin-config`, else `CDK8S_ARGOCD_PLUGIN_CONFIG`, else the one
 * argocd-cmp-server mounts in the sidecar (when present). `synth` and `generate` read it the same
 * way, so a repository gets one verdict whichever command renders it.
 */
export function readPluginContext(flag: string | undefined): PluginContext {
  const explicit = flag ?? process.env.CDK8S_ARGOCD_PLUGIN_CONFIG;
  const file = explicit ?? (fs.existsSync(SIDECAR_PLUGIN_CONFIG) ? SIDECAR_PLUGIN_CONFIG : undefined);
  if (!file) return { defaults: [] };
  let config: Manifest;
  try {
    config = parseYaml(fs.readFileSync(file, 'utf-8'));
  } catch (e) {
    throw new InputError(`cannot read the plugin config ${file}: ${(e as Error).message}`);
  }
  const announcements = config?.spec?.parameters?.static;
  const defaults: PluginParameterValue[] = [];
  for (const a of Array.isArray(announcements) ? announcements : []) {
    if (!a || typeof a.name !== 'string') continue;
    const type = a.collectionType || 'string';
    if (type === 'array' && Array.isArray(a.array)) defaults.push({ name: a.name, array: a.array });
    else if (type === 'map' && a.map && typeof a.map === 'object') defaults.push({ name: a.name, map: a.map });
    else if (type === 'string' && typeof a.string === 'string') defaults.push({ name: a.name, string: a.string });
  }
  return { config, defaults };
}
