import { Duration, Testing } from 'cdk8s';
import { ApplicationSource, Destination, SyncOption } from '../../src';
import { ApplicationSet, ApplicationsSyncPolicy } from '../../src/application-set/application-set';
import { ApplicationSetGenerator } from '../../src/application-set/generators/generator';
import { PullRequestProvider } from '../../src/application-set/generators/pull-request';
import { ScmProvider } from '../../src/application-set/generators/scm-provider';
import { SelectorOperator } from '../../src/application-set/generators/selector';
import { ApplicationSetStrategy, MaxUpdate } from '../../src/application-set/strategy';

const template = {
  name: '{{.name}}-guestbook',
  labels: { env: '{{.env}}' },
  source: ApplicationSource.git({ repoURL: 'https://github.com/argoproj/argocd-example-apps.git', targetRevision: 'HEAD', path: 'guestbook' }),
  destination: Destination.server('{{.server}}', 'guestbook'),
  syncPolicy: { automated: { prune: true }, syncOptions: [SyncOption.CREATE_NAMESPACE] },
};

describe('ApplicationSet', () => {
  test('renders generators, template, strategy and sync policy in wire form', () => {
    const chart = Testing.chart();
    new ApplicationSet(chart, 'guestbook', {
      name: 'guestbook',
      generators: [
        ApplicationSetGenerator.matrix({
          generators: [
            ApplicationSetGenerator.gitDirectories({ repoURL: 'https://github.com/org/apps.git', directories: [{ path: 'apps/*' }, { path: 'apps/old', exclude: true }], requeueAfter: Duration.minutes(1) }),
            ApplicationSetGenerator.clusters({ clusterSelector: { matchLabels: { tier: 'prod' } }, values: { region: '{{index .metadata.labels "region"}}' } }),
          ],
        }),
        ApplicationSetGenerator.list({ elements: [{ name: 'dev', env: 'dev', server: 'https://1.2.3.4' }], selector: { matchExpressions: [{ key: 'env', operator: SelectorOperator.IN, values: ['dev'] }] } }),
      ],
      template,
      strategy: ApplicationSetStrategy.rollingSync([
        { matchExpressions: [{ key: 'env', operator: SelectorOperator.IN, values: ['dev'] }] },
        { matchExpressions: [{ key: 'env', operator: SelectorOperator.IN, values: ['prod'] }], maxUpdate: MaxUpdate.percent(25) },
      ]),
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: ApplicationsSyncPolicy.CREATE_UPDATE },
      ignoreApplicationDifferences: [{ jsonPointers: ['/spec/source/targetRevision'] }],
    });
    const [obj] = Testing.synth(chart);
    expect(obj.spec).toEqual({
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [
        {
          matrix: {
            generators: [
              { git: { repoURL: 'https://github.com/org/apps.git', revision: 'HEAD', requeueAfterSeconds: 60, directories: [{ path: 'apps/*' }, { path: 'apps/old', exclude: true }] } },
              { clusters: { selector: { matchLabels: { tier: 'prod' } }, values: { region: '{{index .metadata.labels "region"}}' } } },
            ],
          },
        },
        { list: { elements: [{ name: 'dev', env: 'dev', server: 'https://1.2.3.4' }] }, selector: { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] } },
      ],
      template: {
        metadata: { name: '{{.name}}-guestbook', labels: { env: '{{.env}}' } },
        spec: {
          project: 'default',
          source: { repoURL: 'https://github.com/argoproj/argocd-example-apps.git', targetRevision: 'HEAD', path: 'guestbook' },
          destination: { server: '{{.server}}', namespace: 'guestbook' },
          syncPolicy: { automated: { prune: true }, syncOptions: ['CreateNamespace=true'] },
        },
      },
      strategy: {
        type: 'RollingSync',
        rollingSync: {
          steps: [
            { matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }] },
            { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }], maxUpdate: '25%' },
          ],
        },
      },
      syncPolicy: { preserveResourcesOnDeletion: true, applicationsSync: 'create-update' },
      ignoreApplicationDifferences: [{ jsonPointers: ['/spec/source/targetRevision'] }],
    });
  });

  test('a nested matrix keeps repoURL in the nested JSON', () => {
    const chart = Testing.chart();
    const git = ApplicationSetGenerator.gitFiles({ repoURL: 'https://x/y.git', files: [{ path: 'c/*.json' }] });
    const list = ApplicationSetGenerator.list({ elements: [{ name: 'a', server: 's', env: 'e' }] });
    new ApplicationSet(chart, 'nested', { name: 'nested', generators: [ApplicationSetGenerator.matrix({ generators: [ApplicationSetGenerator.matrix({ generators: [git, list] }), list] })], template });
    const [obj] = Testing.synth(chart);
    expect(obj.spec.generators[0].matrix.generators[0].matrix.generators[0].git.repoURL).toBe('https://x/y.git');
  });

  test('pull request and SCM providers', () => {
    const chart = Testing.chart();
    new ApplicationSet(chart, 'prs', {
      name: 'prs',
      goTemplate: true,
      generators: [
        ApplicationSetGenerator.pullRequest({ provider: PullRequestProvider.github({ owner: 'org', repo: 'app', labels: ['preview'], tokenRef: { secretName: 'gh', key: 'token' } }), filters: [{ branchMatch: '.*-argocd' }] }),
        ApplicationSetGenerator.scmProvider({ provider: ScmProvider.awsCodeCommit({ region: 'eu-west-1' }), cloneProtocol: 'https' }),
      ],
      template,
    });
    const [obj] = Testing.synth(chart);
    expect(obj.spec.generators).toEqual([
      { pullRequest: { github: { owner: 'org', repo: 'app', labels: ['preview'], tokenRef: { secretName: 'gh', key: 'token' } }, filters: [{ branchMatch: '.*-argocd' }] } },
      { scmProvider: { awsCodeCommit: { region: 'eu-west-1' }, cloneProtocol: 'https' } },
    ]);
  });

  test('expand() gives the Applications Argo CD would create', () => {
    const chart = Testing.chart();
    const appSet = new ApplicationSet(chart, 'guestbook', {
      name: 'guestbook',
      generators: [ApplicationSetGenerator.list({ elements: [{ name: 'dev', env: 'dev', server: 'https://1.2.3.4' }, { name: 'prod', env: 'prod', server: 'https://5.6.7.8' }] })],
      template,
    });
    const apps = appSet.expand() as any[];
    expect(apps.map((a) => [a.metadata.name, a.metadata.labels.env, a.spec.destination.server])).toEqual([
      ['dev-guestbook', 'dev', 'https://1.2.3.4'], ['prod-guestbook', 'prod', 'https://5.6.7.8'],
    ]);
    expect(apps[0].metadata.finalizers).toEqual(['resources-finalizer.argocd.argoproj.io']);
  });

  test('fails when a matrix does not have two generators', () => {
    expect(() => ApplicationSetGenerator.matrix({ generators: [ApplicationSetGenerator.list()] }))
      .toThrow('matrix.generators has 1 generator, but a matrix combines exactly two');
  });

  test('fails when matrices nest three deep', () => {
    const l = ApplicationSetGenerator.list();
    const inner = ApplicationSetGenerator.matrix({ generators: [ApplicationSetGenerator.matrix({ generators: [l, l] }), l] });
    expect(() => ApplicationSetGenerator.matrix({ generators: [inner, l] })).toThrow('nested 3 levels deep');
  });

  test('fails when a merge has no merge key', () => {
    expect(() => ApplicationSetGenerator.merge({ generators: [ApplicationSetGenerator.list(), ApplicationSetGenerator.list()], mergeKeys: [] }))
      .toThrow('merge.mergeKeys is empty');
  });

  test('fails when a goTemplateOptions entry is unknown', () => {
    expect(() => new ApplicationSet(Testing.chart(), 'x', { template, generators: [ApplicationSetGenerator.list()], goTemplateOptions: ['missingkey=eror'] }))
      .toThrow('[test/x] goTemplateOptions entry "missingkey=eror" is not a text/template option, and Template.Option panics on it: did you mean "missingkey=error"?');
  });

  test('fails when maxUpdate is above 100%', () => {
    expect(() => MaxUpdate.percent(150)).toThrow('maxUpdate "150%" is not a percentage');
  });

  test('fails at synth when the template breaks an Application rule', () => {
    const chart = Testing.chart();
    new ApplicationSet(chart, 'x', {
      generators: [ApplicationSetGenerator.list({ elements: [{ name: 'a', env: 'e', server: 's' }] })],
      template: { ...template, name: '{{cluster}}' },
    });
    expect(() => Testing.synth(chart)).toThrow(/function "cluster" not defined/);
  });

  test('fails at synth when there is no generator', () => {
    const chart = Testing.chart();
    new ApplicationSet(chart, 'x', { template });
    expect(() => Testing.synth(chart)).toThrow('the ApplicationSet has no generator');
  });
});
