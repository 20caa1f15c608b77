import { globProblem } from '../../argo/glob-lint';
import { pointer } from '../../core/json-pointer';
import { isObject } from '../../core/values';
import { error, Finding, Manifest, warning } from '../problem';
import { ObjectRule } from './rule';

/** One pattern of an AppProject and the separators Argo CD matches it with. */
interface ProjectPattern {
  readonly pattern: string;
  readonly path: string;
  readonly separators: string;
}

/** Every gobwas pattern of an AppProject, with a leading `!` (deny) removed where Argo CD allows it. */
function patternsOf(spec: Manifest): ProjectPattern[] {
  const out: ProjectPattern[] = [];
  const add = (value: unknown, path: string, separators: string, negation: boolean) => {
    if (typeof value !== 'string' || value === '' || value === '*') return;
    out.push({ pattern: negation && value.startsWith('!') ? value.slice(1) : value, path, separators });
  };
  const list = (field: unknown): unknown[] => (Array.isArray(field) ? field : []);
  // sourceRepos: separator "/" (IsSourcePermitted, after NormalizeGitURL).
  list(spec.sourceRepos).forEach((r, i) => add(r, pointer('spec', 'sourceRepos', i), '/', true));
  // destinations: server, name and namespace, no separators (isDestinationMatched).
  list(spec.destinations).forEach((d, i) => {
    if (!isObject(d)) return;
    for (const f of ['server', 'name', 'namespace']) add(d[f], pointer('spec', 'destinations', i, f), '', true);
  });
  // sourceNamespaces: MatchStringInList in REGEXP mode; /re/ entries are regular expressions.
  list(spec.sourceNamespaces).forEach((n, i) => {
    if (typeof n === 'string' && !(n.length > 1 && n.startsWith('/') && n.endsWith('/'))) add(n, pointer('spec', 'sourceNamespaces', i), '', false);
  });
  // destinationServiceAccounts: server and namespace, no negation.
  list(spec.destinationServiceAccounts).forEach((d, i) => {
    if (!isObject(d)) return;
    for (const f of ['server', 'namespace']) add(d[f], pointer('spec', 'destinationServiceAccounts', i, f), '', false);
  });
  // sync windows: applications, namespaces and clusters (SyncWindow.Matches uses glob.Match).
  list(spec.syncWindows).forEach((w, i) => {
    if (!isObject(w)) return;
    for (const f of ['applications', 'namespaces', 'clusters']) list(w[f]).forEach((p, j) => add(p, pointer('spec', 'syncWindows', i, f, j), '', false));
  });
  return out;
}

/**
 * Patterns of an AppProject that mean something else to Argo CD than they seem to: Argo CD
 * v3.5.1 matches them with gobwas/glob v0.2.3 (util/glob/glob.go), where a pattern that does not
 * compile matches nothing (error), and some patterns match more or less than they read (warning).
 */
export const projectGlobRule: ObjectRule = {
  id: 'project/glob',
  appliesTo: (o) => o.apiVersion === 'argoproj.io/v1alpha1' && o.kind === 'AppProject',
  check(object: Manifest): Finding[] {
    const spec: Manifest = isObject(object.spec) ? object.spec : {};
    const findings: Finding[] = [];
    for (const { pattern, path, separators } of patternsOf(spec)) {
      const problem = globProblem(pattern, separators);
      if (problem) findings.push((problem.severity === 'error' ? error : warning)('project/glob', path, problem.message));
    }
    return findings;
  },
};
