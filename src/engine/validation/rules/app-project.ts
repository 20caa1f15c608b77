import { cronError } from '../../core/cron';
import { isGoDuration } from '../../core/go-duration';
import { pointer } from '../../core/json-pointer';
import { isObject, str } from '../../core/values';
import { error, Finding, Manifest, warning } from '../problem';
import { ObjectRule } from './rule';
import { policyProblem, projectDestinationError, roleNameError, isTimeZone, sourceRepoError } from '../../argo/project';

const q = (v: unknown) => JSON.stringify(v);

function checkSyncWindows(spec: Manifest, findings: Finding[]): void {
  if (!Array.isArray(spec.syncWindows)) return;
  const seen = new Map<string, number>();
  spec.syncWindows.forEach((w: unknown, i: number) => {
    if (!isObject(w)) return;
    const ptr = (...p: string[]) => pointer('spec', 'syncWindows', i, ...p);
    const at = `spec.syncWindows[${i}]`;
    if (w.kind !== 'allow' && w.kind !== 'deny') {
      findings.push(error('project/sync-window', ptr('kind'), `${at}.kind ${q(w.kind)} is invalid: use "allow" or "deny"`));
    }
    if (typeof w.schedule === 'string') {
      const e = cronError(w.schedule);
      if (e) findings.push(error('project/sync-window', ptr('schedule'), `${at}.schedule ${q(w.schedule)} ${e}: use e.g. "0 22 * * *" (every day at 22:00)`));
    } else {
      findings.push(error('project/sync-window', ptr('schedule'), `${at} has no schedule: set a 5-field cron expression such as "0 22 * * *"`));
    }
    if (typeof w.duration !== 'string' || !isGoDuration(w.duration) || w.duration.startsWith('-')) {
      findings.push(error('project/sync-window', ptr('duration'), `${at}.duration ${q(w.duration)} is not a Go duration: use e.g. "1h", "30m" or "1h30m" (there is no "d" unit; use "24h")`));
    }
    if (typeof w.timeZone === 'string' && !isTimeZone(w.timeZone)) {
      findings.push(error('project/sync-window', ptr('timeZone'),
        `${at}.timeZone ${q(w.timeZone)} is not an IANA time zone, and Argo CD would silently use UTC: use e.g. "Europe/Berlin" or "America/New_York"`));
    }
    if (typeof w.description === 'string' && w.description.length > 255) {
      findings.push(error('project/sync-window', ptr('description'), `${at}.description is ${w.description.length} characters long, more than 255: shorten it`));
    }
    const targets = ['applications', 'namespaces', 'clusters'].filter((k) => Array.isArray(w[k]) && w[k].length > 0);
    if (targets.length === 0) {
      findings.push(error('project/sync-window', pointer('spec', 'syncWindows', i),
        `${at} matches nothing: set at least one of applications, namespaces or clusters (e.g. applications: ["*"])`));
    }
    // SyncWindow.HashIdentity: kind, schedule, duration, targets, timeZone, andOperator.
    const key = JSON.stringify([w.kind, w.schedule, w.duration, w.applications ?? [], w.namespaces ?? [], w.clusters ?? [], w.timeZone ?? '', !!w.andOperator]);
    if (seen.has(key)) {
      findings.push(error('project/sync-window', pointer('spec', 'syncWindows', i),
        `${at} duplicates spec.syncWindows[${seen.get(key)}] (same kind, schedule, duration, targets and time zone): remove one`));
    } else {
      seen.set(key, i);
    }
  });
}

function checkRoles(project: string, spec: Manifest, findings: Finding[]): void {
  if (!Array.isArray(spec.roles)) return;
  const names = new Map<string, number>();
  spec.roles.forEach((r: unknown, i: number) => {
    if (!isObject(r)) return;
    const at = `spec.roles[${i}]`;
    const role = str(r.name);
    const roleProblem = roleNameError(role, `${at}.name`);
    if (roleProblem) findings.push(error('project/role', pointer('spec', 'roles', i, 'name'), roleProblem));
    if (names.has(role)) {
      findings.push(error('project/role', pointer('spec', 'roles', i, 'name'), `${at}.name ${q(role)} is already used by spec.roles[${names.get(role)}]: role names must be unique`));
    } else {
      names.set(role, i);
    }
    const policies: unknown[] = Array.isArray(r.policies) ? r.policies : [];
    const seenPolicies = new Set<string>();
    policies.forEach((p, j) => {
      if (typeof p !== 'string') return;
      const ptr = pointer('spec', 'roles', i, 'policies', j);
      const problem = policyProblem(project, role, p);
      if (problem) findings.push((problem.severity === 'error' ? error : warning)('project/policy', ptr, `${at}.policies[${j}] ${q(p)} ${problem.message}`));
      const norm = p.split(',').map((x) => x.trim()).join(',');
      if (seenPolicies.has(norm)) findings.push(error('project/policy', ptr, `${at}.policies[${j}] ${q(p)} is listed twice: remove the duplicate`));
      seenPolicies.add(norm);
    });
    const groups: unknown[] = Array.isArray(r.groups) ? r.groups : [];
    const seenGroups = new Set<string>();
    groups.forEach((g, j) => {
      if (typeof g !== 'string') return;
      const ptr = pointer('spec', 'roles', i, 'groups', j);
      // validateGroupName
      if (g.trim() !== g || g === '' || /["\n\r\t]/.test(g)) {
        findings.push(error('project/role', ptr, `${at}.groups[${j}] ${q(g)} is invalid: group names must be non-empty, without leading or trailing spaces, quotes, tabs or newlines`));
      }
      if (seenGroups.has(g)) findings.push(error('project/role', ptr, `${at}.groups[${j}] ${q(g)} is listed twice: remove the duplicate`));
      seenGroups.add(g);
    });
  });
}

/**
 * Argo CD's `ValidateProject` checks (pkg/apis/application/v1alpha1/app_project_types.go) and
 * `SyncWindow.Validate` (types.go): source repos, destinations, destination service accounts,
 * source namespaces, roles and policy lines, sync windows.
 */
export const appProjectRule: ObjectRule = {
  id: 'project',
  appliesTo: (o) => o.apiVersion === 'argoproj.io/v1alpha1' && o.kind === 'AppProject',
  check(object: Manifest): Finding[] {
    const findings: Finding[] = [];
    const spec: Manifest = isObject(object.spec) ? object.spec : {};
    const project = str(object.metadata?.name);

    if (Array.isArray(spec.sourceRepos)) {
      const seen = new Set<string>();
      spec.sourceRepos.forEach((r: unknown, i: number) => {
        if (typeof r !== 'string') return;
        const ptr = pointer('spec', 'sourceRepos', i);
        const repoProblem = sourceRepoError(r, r === '!*' ? 'spec.sourceRepos entry' : `spec.sourceRepos[${i}]`);
        if (repoProblem) {
          findings.push(error('project/source-repos', ptr, repoProblem));
        }
        if (seen.has(r)) findings.push(error('project/source-repos', ptr, `spec.sourceRepos[${i}] ${q(r)} is listed twice, which Argo CD rejects: remove the duplicate`));
        seen.add(r);
      });
    }

    if (Array.isArray(spec.destinations)) {
      const seen = new Map<string, number>();
      spec.destinations.forEach((d: unknown, i: number) => {
        if (!isObject(d)) return;
        const ptr = pointer('spec', 'destinations', i);
        for (const f of ['server', 'name', 'namespace']) {
          if (d[f] === '!*') {
            findings.push(error('project/destination', `${ptr}/${f}`, `spec.destinations[${i}].${f} "!*" denies everything, which Argo CD rejects: remove the destination`));
          }
        }
        const destProblem = projectDestinationError(str(d.server), str(d.name), `spec.destinations[${i}]`);
        if (destProblem) findings.push(error('project/destination', ptr, destProblem));
        // ValidateProject: the key is server/namespace, or name/namespace when server is empty.
        const key = `${str(d.server) || str(d.name)}/${str(d.namespace)}`;
        if (seen.has(key)) {
          findings.push(error('project/duplicate-destination', ptr,
            `spec.destinations[${i}] ${q(key)} (${d.server ? 'server' : 'name'}/namespace) duplicates spec.destinations[${seen.get(key)}], which Argo CD rejects ("destination already added"): remove it`));
        } else {
          seen.set(key, i);
        }
      });
    }

    if (Array.isArray(spec.destinationServiceAccounts)) {
      const seen = new Map<string, number>();
      spec.destinationServiceAccounts.forEach((d: unknown, i: number) => {
        if (!isObject(d)) return;
        const ptr = pointer('spec', 'destinationServiceAccounts', i);
        const at = `spec.destinationServiceAccounts[${i}]`;
        for (const f of ['server', 'namespace']) {
          const v = str(d[f]);
          if (v.includes('!')) {
            findings.push(error('project/destination-service-account', `${ptr}/${f}`, `${at}.${f} ${q(v)} contains "!", which destinationServiceAccounts do not support: list the allowed ${f}s instead`));
          }
        }
        const sa = str(d.defaultServiceAccount);
        if (sa.trim() === '') {
          findings.push(error('project/destination-service-account', `${ptr}/defaultServiceAccount`, `${at}.defaultServiceAccount is empty: set the service account Argo CD impersonates, e.g. "argocd-deployer" or "ns:argocd-deployer"`));
        } else if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?:)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(sa)) {
          findings.push(error('project/destination-service-account', `${ptr}/defaultServiceAccount`, `${at}.defaultServiceAccount ${q(sa)} is not a service account name ("[namespace:]name", lower-case DNS-1123): fix the name`));
        }
        const key = `${str(d.server)}/${str(d.namespace)}`;
        if (seen.has(key)) {
          findings.push(error('project/destination-service-account', ptr, `${at} repeats server ${q(str(d.server))} and namespace ${q(str(d.namespace))} of spec.destinationServiceAccounts[${seen.get(key)}]: remove one`));
        } else {
          seen.set(key, i);
        }
      });
    }

    if (Array.isArray(spec.sourceNamespaces)) {
      const seen = new Set<string>();
      spec.sourceNamespaces.forEach((n: unknown, i: number) => {
        if (typeof n !== 'string') return;
        if (seen.has(n)) findings.push(error('project/source-namespaces', pointer('spec', 'sourceNamespaces', i), `spec.sourceNamespaces[${i}] ${q(n)} is listed twice: remove the duplicate`));
        seen.add(n);
      });
    }

    if (Array.isArray(spec.signatureKeys)) {
      spec.signatureKeys.forEach((k: unknown, i: number) => {
        const id = isObject(k) ? str(k.keyID) : '';
        if (!/^([0-9A-Fa-f]{16}|[0-9A-Fa-f]{40})$/.test(id)) {
          findings.push(warning('project/signature-key', pointer('spec', 'signatureKeys', i, 'keyID'),
            `spec.signatureKeys[${i}].keyID ${q(id)} is not a GnuPG key id (16 or 40 hex digits): use the long key id, e.g. "4AEE18F83AFDEB23"`));
        }
      });
    }

    checkRoles(project, spec, findings);
    checkSyncWindows(spec, findings);
    return findings;
  },
};
