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
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:other:a, applications, get, team/*, allow'] }] }, /must use "proj:team:a"/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:team:a, accounts, get, team/*, allow'] }] }, /resource "accounts", which a project role cannot grant/],
    ['project/policy', { roles: [{ name: 'a', policies: ['p, proj:team:a, applications, get, other/*, allow'] }] }, /has object "other\/\*"/],
    ['project/source-repos', { sourceRepos: ['!*'] }, /"!\*" denies every repository/],
    ['project/source-repos', { sourceRepos: ['a', 'a'] }, /listed twice/],
    ['project/duplicate-destination', { destinations: [{ server: '*', namespace: 'a' }, { server: '*', namespace: 'a' }] }, /duplicates spec.destinations\[0\]/],
    ['project/destination-service-account', { destinationServiceAccounts: [{ server: '!x', namespace: 'a', defaultServiceAccount: 'sa' }] }, /contains "!"/],
    ['project/destination-service-account', { destinationServiceAccounts: [{ server: 'x', namespace: 'a', defaultServiceAccount: '' }] }, /defaultServiceAccount is empty/],
  ])('fails when %s is violated (%#)', (rule, spec, message) => {
    const found = rules(project(spec)).filter((r) => r[0] === rule);
    expect(found.map((r) => r[1]).join('\n')).toMatch(message);
  });
});
