/**
 * Every file of the upstream Argo CD v3.5.1 data that holds Kubernetes objects runs through the
 * validator, and the outcome is asserted problem by problem: a regression in either direction
 * (a new false positive, or a real upstream mistake no longer caught) fails here.
 *
 * The kitchen-sink files are documentation and contain mistakes; each expected problem says why
 * upstream is wrong.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateFiles } from '../../../src/cli/commands/validate';
import { UPSTREAM } from '../../upstream/upstream';


function problemsOf(...files: string[]): string[] {
  const { problems } = validateFiles(files.map((f) => path.join(UPSTREAM, f)));
  return problems.map((p) => `${p.severity} ${p.rule} ${path.relative(UPSTREAM, p.file!)}#${p.index} ${p.path}`);
}

const FILES = [
  'docs/operator-manual/application.yaml',
  'docs/operator-manual/applicationset.yaml',
  'docs/operator-manual/project.yaml',
  'docs/operator-manual/argocd-cm.yaml',
  'docs/operator-manual/argocd-cmd-params-cm.yaml',
  'docs/operator-manual/argocd-rbac-cm.yaml',
  'docs/operator-manual/argocd-repo-creds.yaml',
  'docs/operator-manual/argocd-repositories.yaml',
  'docs/operator-manual/argocd-secret.yaml',
  'docs/operator-manual/argocd-ssh-known-hosts-cm.yaml',
  'docs/operator-manual/argocd-tls-certs-cm.yaml',
  'docs/operator-manual/notifications/argocd-notifications-cm.yaml',
  'docs/operator-manual/notifications/argocd-notifications-secret.yaml',
  'manifests/crds/application-crd.yaml',
  'manifests/crds/applicationset-crd.yaml',
  'manifests/crds/appproject-crd.yaml',
  'manifests/install.yaml',
  'notifications_catalog/install.yaml',
];

describe('upstream Argo CD v3.5.1 data through the validator', () => {
  test('every YAML file of the upstream data is covered by this test', () => {
    const all: string[] = [];
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.yaml')) all.push(path.relative(UPSTREAM, full));
    });
    walk(UPSTREAM);
    expect(all.sort()).toEqual([...FILES].sort());
  });

  test('docs/operator-manual/application.yaml', () => {
    expect(problemsOf('docs/operator-manual/application.yaml')).toEqual(APPLICATION_EXPECTED);
  });

  test('docs/operator-manual/applicationset.yaml', () => {
    const f = 'docs/operator-manual/applicationset.yaml#0';
    expect(problemsOf('docs/operator-manual/applicationset.yaml')).toEqual([
      // The list generator's template uses `revision`; the field is `targetRevision`.
      `error schema/unknown-field ${f} /spec/generators/0/list/template/spec/source/revision`,
      // goTemplate is true, so the fasttemplate placeholder `{{cluster}}` is a call of an undefined function.
      `error applicationset/template-syntax ${f} /spec/generators/0/list/template/spec/source/path`,
      // A git generator with both directories and files uses the directories only (git.go's switch).
      `warning applicationset/ignored-generator ${f} /spec/generators/2/git/files`,
      // `template:` left empty in the docs: null, which the API server drops.
      `warning schema/null-value ${f} /spec/generators/2/git/template`,
      // `values` belongs to the scmProvider generator, not to its github block (one level too deep).
      `error schema/unknown-field ${f} /spec/generators/3/scmProvider/github/values`,
      // The other providers are listed as empty keys (null) to show they exist.
      `warning schema/null-value ${f} /spec/generators/3/scmProvider/gitlab`,
      `warning schema/null-value ${f} /spec/generators/3/scmProvider/gitea`,
      `warning schema/null-value ${f} /spec/generators/3/scmProvider/bitbucketServer`,
      `warning schema/null-value ${f} /spec/generators/3/scmProvider/azureDevOps`,
      `warning schema/null-value ${f} /spec/generators/3/scmProvider/bitbucket`,
      `warning schema/null-value ${f} /spec/generators/3/scmProvider/awsCodeCommit`,
      // Upstream doc bug: clusterDecisionResource's fields are indented one level too shallow, so the
      // generator key is null and its fields land on the generator entry itself.
      // So the entry sets no generator at all: the controller reports "unrecognized generators".
      `error applicationset/ignored-generator ${f} /spec/generators/4`,
      `warning schema/null-value ${f} /spec/generators/4/clusterDecisionResource`,
      `error schema/unknown-field ${f} /spec/generators/4/configMapRef`,
      `error schema/unknown-field ${f} /spec/generators/4/name`,
      `error schema/unknown-field ${f} /spec/generators/4/labelSelector`,
      `error schema/unknown-field ${f} /spec/generators/4/requeueAfterSeconds`,
      `warning schema/null-value ${f} /spec/generators/5/pullRequest/gitlab`,
      `warning schema/null-value ${f} /spec/generators/5/pullRequest/gitea`,
      `warning schema/null-value ${f} /spec/generators/5/pullRequest/bitbucketServer`,
      `warning schema/null-value ${f} /spec/generators/5/pullRequest/bitbucket`,
      `warning schema/null-value ${f} /spec/generators/5/pullRequest/azuredevops`,
      // The pullRequest generator has no awsCodeCommit provider at v3.5.1 (scmProvider has).
      `error schema/unknown-field ${f} /spec/generators/5/pullRequest/awsCodeCommit`,
      // `generators:` of the matrix example left empty.
      `warning schema/null-value ${f} /spec/generators/6/matrix/generators`,
      // ... so the matrix has no child, and a matrix needs exactly two.
      `error applicationset/matrix-children ${f} /spec/generators/6/matrix/generators`,
      // The docs' own comment says it: with goTemplate a nested merge key (`values.selector`) never matches.
      `error applicationset/merge-keys ${f} /spec/generators/7/merge/mergeKeys/1`,
      // The plugin generator key is null (mis-indented fields below): no generator in the entry.
      `error applicationset/ignored-generator ${f} /spec/generators/8`,
      // Upstream doc bug: the plugin generator's fields are indented one level too shallow.
      `warning schema/null-value ${f} /spec/generators/8/plugin`,
      `error schema/unknown-field ${f} /spec/generators/8/configMapRef`,
      `error schema/unknown-field ${f} /spec/generators/8/input`,
      // `{{cluster}}` again, in the main template, under goTemplate: true.
      `error applicationset/template-syntax ${f} /spec/template/spec/source/path`,
      // `useCredentials` does not exist; Helm's field is `passCredentials`.
      `error schema/unknown-field ${f} /spec/template/spec/source/helm/useCredentials`,
      // `parameters` belongs under `helm` or `plugin`, not directly on the source.
      `error schema/unknown-field ${f} /spec/template/spec/source/parameters`,
      // The templates under the misplaced `parameters` would fail too: `{{head_sha}}` is not a Go
      // parameter reference, and a lone `{{end}}` does not parse.
      `error applicationset/template-syntax ${f} /spec/template/spec/source/parameters/0/value`,
      `error applicationset/template-syntax ${f} /spec/template/spec/source/parameters/2/value`,
      // The template destination sets both name and server, which Argo CD rejects for every Application.
      `error application/destination ${f} /spec/template/spec/destination`,
    ]);
  });

  test('docs/operator-manual/project.yaml', () => {
    expect(problemsOf('docs/operator-manual/project.yaml')).toEqual(PROJECT_EXPECTED);
  });

  test('the install bundle, the CRDs and the notifications catalog are clean', () => {
    // One at a time: install.yaml itself contains the three CRDs and an argocd-notifications-cm.
    for (const f of ['manifests/install.yaml', 'manifests/crds/application-crd.yaml', 'manifests/crds/applicationset-crd.yaml',
      'manifests/crds/appproject-crd.yaml', 'notifications_catalog/install.yaml']) {
      expect({ file: f, problems: problemsOf(f) }).toEqual({ file: f, problems: [] });
    }
  });

  test('the configuration examples are clean one file at a time', () => {
    for (const f of FILES.filter((x) => x.startsWith('docs/operator-manual/argocd-') || x.includes('notifications/'))) {
      expect({ file: f, problems: problemsOf(f) }).toEqual({ file: f, problems: CONFIG_EXPECTED[f] ?? [] });
    }
  });

  test('validated together, the repository and credential examples reuse one Secret name', () => {
    expect(problemsOf('docs/operator-manual/argocd-repo-creds.yaml', 'docs/operator-manual/argocd-repositories.yaml')).toEqual([
      // Both files define Secret argocd/private-oci-repo (a repository and a repo-creds example):
      // applied together, one would overwrite the other.
      'error manifest/duplicate docs/operator-manual/argocd-repositories.yaml#6 /metadata/name',
    ]);
  });
});

/** The kitchen-sink Application sets source, sources and sourceHydrator together (see its README). */
const APPLICATION_EXPECTED: string[] = [
  // Argo CD uses only sourceHydrator (precedence sourceHydrator > sources > source) and ignores the rest.
  'error application/source docs/operator-manual/application.yaml#0 /spec/sourceHydrator',
];

const PROJECT_EXPECTED: string[] = [];

const CONFIG_EXPECTED: { [file: string]: string[] } = {
  'docs/operator-manual/notifications/argocd-notifications-cm.yaml': [
    // trigger.on-deployed sends app-sync-succeeded, a catalog template this example ConfigMap does not define.
    'error notifications/send docs/operator-manual/notifications/argocd-notifications-cm.yaml#0 /data/trigger.on-deployed',
    // service.opsgenie ends its apiKeys map with a literal `...` line, which is no YAML mapping entry.
    'error notifications/yaml docs/operator-manual/notifications/argocd-notifications-cm.yaml#0 /data/service.opsgenie',
  ],
};
