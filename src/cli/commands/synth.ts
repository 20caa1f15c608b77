import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { EXIT_INVALID, InputError } from '../runtime/errors';
import { readPluginContext } from '../runtime/plugin-config';
import { AppEntry, readProjectConfig } from '../runtime/project-config';
import { renderAndValidate } from '../runtime/render';
import { typecheck } from '../runtime/typecheck';
import { serialize } from '../runtime/yaml-stream';

export interface SynthCommandOptions {
  readonly app?: string;
  readonly output?: string;
  readonly strict?: boolean;
  readonly pluginConfig?: string;
  readonly typecheck?: boolean;
}

/**
 * Renders apps into their output folders, validated. Nothing is written unless every app
 * rendered and passed validation; then each output folder's old `*.k8s.yaml` files are replaced,
 * so a removed chart does not leave a stale file behind.
 */
export function synth(options: SynthCommandOptions): boolean {
  let targets: Array<AppEntry & { outdir: string }>;
  if (options.app) {
    targets = [{ name: path.basename(options.app).replace(/\.[^.]+$/, ''), entry: options.app, outdir: options.output ?? 'dist' }];
  } else {
    const config = readProjectConfig(process.cwd());
    const output = options.output ?? config.output;
    targets = config.apps.map((a) => ({ ...a, outdir: config.folderPerApp ? path.join(output, a.name) : output }));
  }
  const plugin = readPluginContext(options.pluginConfig);
  if (options.typecheck) {
    // Incremental: the state lives where build tools keep caches, so a re-run checks only what changed.
    const checked = typecheck(targets.map((t) => t.entry), process.cwd(), path.join(process.cwd(), 'node_modules', '.cache', 'cdk8s-argocd'));
    for (const line of checked.lines) process.stderr.write(`${line}\n`);
    if (checked.errors > 0) {
      process.stderr.write(`typecheck: ${checked.errors} error${checked.errors === 1 ? '' : 's'}: fix them, or synth without --typecheck\n`);
      return false;
    }
  }
  const files: Array<{ outdir: string; files: Map<string, string> }> = [];
  let failed = false;
  for (const target of targets) {
    process.stderr.write(`synth: ${path.relative(process.cwd(), path.resolve(target.entry))}\n`);
    const result = renderAndValidate(target.entry, plugin, options.strict);
    for (const line of result.lines) process.stderr.write(`${line}\n`);
    process.stderr.write(result.summary);
    if (result.failed) {
      failed = true;
      continue;
    }
    const out = new Map<string, string>();
    for (const app of result.apps) {
      for (const chart of app.charts) {
        if (out.has(chart.fileName)) {
          throw new InputError(`two charts of ${target.entry} render to ${chart.fileName}: give the charts different ids`);
        }
        out.set(chart.fileName, serialize(chart.objects.map((o) => o.manifest), 'yaml'));
      }
    }
    files.push({ outdir: target.outdir, files: out });
  }
  if (failed) return false;
  for (const { outdir, files: out } of files) {
    fs.mkdirSync(outdir, { recursive: true });
    for (const old of fs.readdirSync(outdir).filter((f) => f.endsWith('.k8s.yaml') && !out.has(f))) {
      fs.rmSync(path.join(outdir, old));
    }
    for (const [name, text] of out) {
      fs.writeFileSync(path.join(outdir, name), text);
      process.stderr.write(`  wrote ${path.relative(process.cwd(), path.join(outdir, name))}\n`);
    }
  }
  return true;
}

export function synthCommand(): Command {
  return new Command('synth')
    .description('run cdk8s apps in-process (TypeScript without a type-check pass), validate what they render, write YAML')
    .option('--app <file>', 'the app entry file (default: the apps in cdk8s.yaml)')
    .option('--output <dir>', 'output folder (default: cdk8s.yaml output, else dist)')
    .option('--strict', 'fail on warnings too', false)
    .option('--typecheck', 'type-check the apps with the project\'s TypeScript and tsconfig.json first (incremental)', false)
    .option('--plugin-config <file>', 'plugin.yaml of the Config Management Plugin, for the plugin/* checks (default: $CDK8S_ARGOCD_PLUGIN_CONFIG, else the sidecar\'s)')
    .action((options: SynthCommandOptions) => {
      if (!synth(options)) process.exitCode = EXIT_INVALID;
    });
}
