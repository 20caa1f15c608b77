import * as fs from 'fs';
import { Command, Option } from 'commander';
import { skippedNotices, validateFiles } from './validate';
import { HOOK_TYPE } from '../../engine/argo/hooks';
import { PHASE_ORDER } from '../../engine/argo/sync-order';
import { analyzeSync, SyncPlan, SyncTask } from '../../engine/plan';
import { hasErrors, validateManifests } from '../../engine/validation';
import { Manifest } from '../../engine/validation/problem';
import { EXIT_INVALID, EXIT_OK, InputError, UsageError } from '../runtime/errors';
import { formatText, LocatedProblem, summary } from '../runtime/format';
import { configFileReason, Excludes, expandPaths, locate, ManifestDocument, parseManifestFile } from '../runtime/manifest-files';

export interface PlanCommandOptions {
  readonly format: 'text' | 'json' | 'mermaid';
  readonly live?: string[];
  readonly pruneLast?: boolean;
  readonly waveDelay?: string;
  readonly exclude?: string[];
  readonly skipRule?: string[];
}

/**
 * Reads every object from files, directories and globs (configuration files left out); a file
 * that does not parse is an InputError.
 */
export function readObjects(paths: readonly string[], excludes?: Excludes): Manifest[] {
  return readDocuments(paths, excludes).map((d) => d.object);
}

function readDocuments(paths: readonly string[], excludes?: Excludes): ManifestDocument[] {
  const documents: ManifestDocument[] = [];
  for (const file of expandPaths(paths, excludes)) {
    const parsed = parseManifestFile(file, fs.readFileSync(file, 'utf-8'));
    if (configFileReason(file, parsed)) continue;
    if (parsed.failures.length > 0) {
      const f = parsed.failures[0];
      throw new InputError(`${f.file}:${f.line}:${f.column}: error: cannot parse YAML: ${f.message} [yaml/parse]`);
    }
    documents.push(...parsed.documents);
  }
  return documents;
}

/**
 * The problems of live objects that change what a sync does to them: their sync options (a
 * `Prune=False` that Argo CD does not read as `Prune=false`), hooks and waves. The rest of a live
 * object (status, managed fields) is the cluster's business.
 */
function liveProblems(documents: readonly ManifestDocument[], skipRules: readonly string[]): LocatedProblem[] {
  const families = ['sync-options/', 'hook/', 'sync-wave/'];
  return validateManifests(documents.map((d) => d.object), { skipRules: [...skipRules] })
    .filter((p) => families.some((f) => p.rule.startsWith(f)))
    .map((p) => {
      const doc = documents[p.index!];
      return { ...p, file: doc.file, index: doc.index, ...locate(doc, p.path) };
    });
}

/** The `plan --format json` document (DESIGN.md): tasks in execution order, then prune tasks in prune order. */
export function planToJson(plan: SyncPlan): string {
  const row = (t: SyncTask) => ({
    phase: t.phase,
    wave: t.wave,
    group: t.group,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    hookTypes: t.hookTypes,
    deletePolicies: t.deletePolicies,
  });
  return JSON.stringify({ tasks: plan.tasks.map(row), prune: plan.prune.map(row) }, null, 2) + '\n';
}

function objectLabel(t: SyncTask): string {
  const kind = t.group ? `${t.kind}.${t.group}` : t.kind;
  return `${kind} ${t.namespace ? `${t.namespace}/` : ''}${t.name}`;
}

function hookLabel(t: SyncTask): string {
  if (t.hookTypes.length === 0) return '';
  return `hook ${t.hookTypes.join(',')}; delete ${t.deletePolicies.join(',')}`;
}

function table(rows: string[][], indent: string): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => (indent + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] + 2))).join('')).trimEnd());
}

/** A readable table grouped by phase and wave. */
export function planToText(plan: SyncPlan, waveDelaySeconds: number): string {
  const lines: string[] = [];
  const groups: { phase: string; wave: number; tasks: SyncTask[] }[] = [];
  for (const t of plan.order) {
    const last = groups[groups.length - 1];
    if (last && last.phase === t.phase && last.wave === t.wave) last.tasks.push(t);
    else groups.push({ phase: t.phase, wave: t.wave, tasks: [t] });
  }
  if (groups.length === 0) lines.push('nothing to sync');
  let step = 0;
  for (const g of groups) {
    const note = g.phase === HOOK_TYPE.SYNC_FAIL ? ' (only when the sync fails)' : '';
    lines.push(`${g.phase} · wave ${g.wave}${note}`);
    if (g.phase !== HOOK_TYPE.SYNC_FAIL) step++;
    const rows = g.tasks.map((t) => [t.prune ? 'prune' : 'apply', objectLabel(t), t.prune ? '' : hookLabel(t)]);
    lines.push(...table(rows, '  '));
  }
  if (plan.prune.length > 0) {
    lines.push('', 'prune order (reverse waves, PruneLast last):');
    plan.prune.forEach((t, i) => lines.push(`  ${i + 1}. ${objectLabel(t)} (wave ${t.wave})`));
  }
  if (plan.skipped.length > 0) {
    lines.push('', 'never applied by a sync:');
    const why: { [reason: string]: string } = {
      'skip': 'hook type Skip',
      'delete-hook': 'runs only when the Application is deleted',
      'no-phase': 'hook with no valid type: Argo CD never applies it',
    };
    for (const s of plan.skipped) {
      lines.push(`  ${s.group ? `${s.kind}.${s.group}` : s.kind} ${s.namespace ? `${s.namespace}/` : ''}${s.name}: ${why[s.reason]}${s.hookTypes.length ? ` (${s.hookTypes.join(',')})` : ''}`);
    }
  }
  lines.push('');
  if (plan.multiStep) {
    lines.push(`${step} steps: multi-step sync, Argo CD waits until every object of a wave is healthy before the next; wave delays add about ${plan.estimatedWaveDelaySeconds}s (${waveDelaySeconds}s each, ARGOCD_SYNC_WAVE_DELAY)`);
  } else {
    lines.push(`${step} step${step === 1 ? '' : 's'}: single-step sync, no wave delay`);
  }
  return lines.join('\n') + '\n';
}

function mermaidText(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** A Mermaid flowchart of phases and waves. */
export function planToMermaid(plan: SyncPlan): string {
  const lines = ['flowchart TD'];
  const phases = PHASE_ORDER;
  const nodes: { id: string; phase: string }[] = [];
  let n = 0;
  for (const phase of phases) {
    const steps: { wave: number; tasks: SyncTask[] }[] = [];
    for (const t of plan.order.filter((x) => x.phase === phase)) {
      const last = steps[steps.length - 1];
      if (last && last.wave === t.wave) last.tasks.push(t);
      else steps.push({ wave: t.wave, tasks: [t] });
    }
    if (steps.length === 0) continue;
    lines.push(`  subgraph ${phase}["${phase}${phase === HOOK_TYPE.SYNC_FAIL ? ' (only when the sync fails)' : ''}"]`);
    for (const s of steps) {
      const id = `s${n++}`;
      const items = s.tasks.map((t) => `${t.prune ? 'prune ' : ''}${mermaidText(objectLabel(t))}`);
      lines.push(`    ${id}["wave ${s.wave}<br/>${items.join('<br/>')}"]`);
      nodes.push({ id, phase });
    }
    lines.push('  end');
  }
  const running = nodes.filter((x) => x.phase !== HOOK_TYPE.SYNC_FAIL);
  for (let i = 1; i < running.length; i++) lines.push(`  ${running[i - 1].id} --> ${running[i].id}`);
  const fail = nodes.filter((x) => x.phase === HOOK_TYPE.SYNC_FAIL);
  if (fail.length > 0 && running.length > 0) lines.push(`  ${running[0].id} -. on failure .-> ${fail[0].id}`);
  for (let i = 1; i < fail.length; i++) lines.push(`  ${fail[i - 1].id} --> ${fail[i].id}`);
  return lines.join('\n') + '\n';
}

export function planCommand(): Command {
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  return new Command('plan')
    .description('print the order Argo CD v3.5.1 will sync the given manifests in: phase, wave, kind, name and hook types; the manifests are validated first')
    .argument('<paths...>', 'files, directories or quoted globs of YAML/JSON manifests (the desired state)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'mermaid']).default('text'))
    .option('--live <path>', 'live objects of the Application (files or directories); those not desired become prune tasks', collect)
    .option('--prune-last', 'the Application has the PruneLast=true sync option', false)
    .option('--wave-delay <seconds>', 'ARGOCD_SYNC_WAVE_DELAY of the application controller', '2')
    .option('--exclude <glob>', 'leave out files and folders: a name glob (\'*.json\') or a path glob (\'dist/tests/**\') (repeatable)', collect, [])
    .option('--skip-rule <id>', 'drop the problems of a rule, or of a family with a trailing / (repeatable)', collect, [])
    .addHelpText('after', `
The manifests are validated as "validate" does: problems go to stderr as
"file:line:column: severity: message [rule]" with a count line, and an error (in the desired
manifests, or in the sync options, hooks or waves of --live objects) fails the plan: exit 1,
nothing on stdout.

Examples:
  $ cdk8s-argocd plan dist/
  $ cdk8s-argocd plan dist/ --format mermaid > sync.mmd
  $ cdk8s-argocd plan dist/ --live live/ --prune-last --format json`)
    .action((paths: string[], options: PlanCommandOptions) => {
      const delay = Number(options.waveDelay);
      if (!/^[0-9]+$/.test(options.waveDelay ?? '') || !Number.isSafeInteger(delay)) {
        throw new UsageError(`option '--wave-delay' must be a whole number of seconds, got ${JSON.stringify(options.waveDelay)}: use e.g. --wave-delay 2`);
      }
      const excludes = new Excludes(options.exclude);
      const skipRules = options.skipRule ?? [];
      const result = validateFiles(paths, { exclude: options.exclude, skipRules });
      process.stderr.write(skippedNotices(result.skipped));
      const liveDocuments = options.live ? readDocuments(options.live, excludes) : undefined;
      const problems = [...result.problems, ...(liveDocuments ? liveProblems(liveDocuments, skipRules) : [])];
      if (problems.length > 0) {
        process.stderr.write(formatText(problems));
        process.stderr.write(summary(problems, result.objects, result.files, result.skipped.length));
      }
      if (hasErrors(problems)) {
        process.stderr.write('plan: not planned: fix the errors above (Argo CD would not sync these manifests as written)\n');
        process.exitCode = EXIT_INVALID;
        return;
      }
      const live = liveDocuments?.map((d) => d.object);
      const plan = analyzeSync(result.documents.map((d) => d.object), { live, pruneLast: options.pruneLast, waveDelaySeconds: delay });
      if (options.format === 'json') process.stdout.write(planToJson(plan));
      else if (options.format === 'mermaid') process.stdout.write(planToMermaid(plan));
      else process.stdout.write(planToText(plan, delay));
      process.exitCode = EXIT_OK;
    });
}
