import { validateManifests } from '../../../../src';

const project = (spec: any) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject', metadata: { name: 'team', namespace: 'argocd' }, spec });
const rules = (o: any) => validateManifests([o]).filter((p) => p.rule.startsWith('project/')).map((p) => [p.rule, p.message]);
const window = { kind: 'allow', schedule: '0 22 * * *', duration: '1h', applications: ['*'], timeZone: 'Europe/Berlin' };

describe('project rules', () => {
  test('stay silent on a valid AppProject', () => {
    expect(rules(project({
      sourceRepos: ['https://github.com/team/*'],
      destinations: [{ server: '*', namespace: 'team-*' }],
      roles: [{ name: 'ci', policies: ['p, proj:team:ci, applications, sync, team/*, allow'], groups: ['team'] }],
      syncWindows: [window],
      destinationServiceAccounts: [{ server: '*', namespace: 'team-*', defaultServiceAccount: 'deployer' }],
    }))).toEqual([]);
  });
  test.each([
    ['project/sync-window', { syncWindows: [{ ...window, schedule: '@daily' }] }, /"@daily" descriptors/],
    ['project/sync-window', { syncWindows: [{ ...window, schedule: '0 25 * * *' }] }, /hour field: "25" is outside 0-23/],
    ['project/sync-window', { syncWindows: [{ ...window, duration: '1d' }] }, /duration "1d" is not a Go duration/],
    ['project/sync-window', { syncWindows: [{ ...window, timeZone: 'Mars/Olympus' }] }, /timeZone "Mars\/Olympus" is not an IANA time zone/],
    ['project/sync-window', { syncWindows: [{ ...window, applications: [] }] }, /matches nothing/],
    ['project/sync-window', { syncWindows: [window, window] }, /duplicates spec.syncWindows\[0\]/],
    ['project/role', { roles: [{ name: 'bad name' }] }, /name "bad name" is invalid/],
    ['project/role', { roles: [{ name: 'a' }, { name: 'a' }] }, /already used/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:other:a, applications, get, team/*, allow'] }] }, /a role of project "other", which this project's policies never apply to, so it grants nothing: a policy of role "a" must use "proj:team:a"/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:team:a, accounts, get, team/*, allow'] }] }, /resource "accounts", which a project role cannot grant/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:team:a, applications, get, other/*, allow'] }] }, /has object "other\/\*"/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:team:a, applications, gett, team/*, allow'] }] }, /has action "gett", expected "get"/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:team:a, applications, get, team/*, Allow'] }] }, /has effect "Allow", expected "allow" or "deny"/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:team:a, applications, get, team/*'] }] }, /has 5 comma-separated fields, expected 6/],
    ['project/source-repos', { sourceRepos: ['!*'] }, /"!\*" denies every repository/],
    ['project/source-repos', { sourceRepos: ['a', 'a'] }, /listed twice/],
    ['project/duplicate-destination', { destinations: [{ server: '*', namespace: 'a' }, { server: '*', namespace: 'a' }] }, /duplicates spec.destinations\[0\]/],
    ['project/destination-service-account', { destinationServiceAccounts: [{ server: '!x', namespace: 'a', defaultServiceAccount: 'sa' }] }, /contains "!"/],
    ['project/destination-service-account', { destinationServiceAccounts: [{ server: 'x', namespace: 'a', defaultServiceAccount: '' }] }, /defaultServiceAccount is empty/],
  ])('fails when %s is violated (%#)', (rule, spec, message) => {
    const found = rules(project(spec)).filter((r) => r[0] === rule);
    expect(found.map((r) => r[1]).join('\n')).toMatch(message);
    if (rule === 'project/policy') {
      expect(severities(project(spec))).toEqual(['error']);
    }
  });

  describe('policies only the API server refuses are warnings (Argo CD and kubectl apply them as they are)', () => {
    test.each([
      ['object *', 'p, proj:team:a, applications, get, *, allow', /has object "\*", which Argo CD's API server refuses \(validatePolicy\): it works when the AppProject is applied by Argo CD or kubectl, but a later edit of project "team" in the UI or CLI, or a token for its roles, will be refused: use "team\/<app>"/],
      ['a global role as subject', 'p, role:ci, applications, sync, team/*, allow', /has subject "role:ci", which Argo CD's API server refuses.*must use "proj:team:a" \(grant a global role in argocd-rbac-cm instead\)/],
      ['another role of the same project', 'p, proj:team:b, applications, sync, team/*, allow', /has subject "proj:team:b".*\(move the line to role "b"\)/],
    ])('%s', (_, line, message) => {
      const problems = validateManifests([project({ roles: [{ name: 'a', policies: [line] }] })]).filter((p) => p.rule === 'project/policy');
      expect(problems).toHaveLength(1);
      expect(problems[0].severity).toBe('warning');
      expect(problems[0].message).toMatch(message);
    });

    test('an error in the same line wins over the API-server-only warning', () => {
      const problems = validateManifests([project({ roles: [{ name: 'a', policies: ['p, role:ci, accounts, get, *, allow'] }] })]).filter((p) => p.rule === 'project/policy');
      expect(problems.map((p) => [p.severity, p.message])).toEqual([['error', expect.stringMatching(/resource "accounts", which a project role cannot grant/)]]);
    });

    test('an object glob that no application of the project matches stays an error', () => {
      const problems = validateManifests([project({ roles: [{ name: 'a', policies: ['p, proj:team:a, applications, get, other-*, allow'] }] })]).filter((p) => p.rule === 'project/policy');
      expect(problems.map((p) => p.severity)).toEqual(['error']);
      expect(problems[0].message).toMatch(/matches no application of project "team", so it grants nothing$/);
    });
  });
});

function severities(o: any): string[] {
  return validateManifests([o]).filter((p) => p.rule === 'project/policy').map((p) => p.severity);
}
