import { validateManifests } from '../../../../src/engine/validation';

const appSet = (spec: object, metadata: object = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'ApplicationSet',
  metadata: { name: 'guestbook', namespace: 'argocd', ...metadata },
  spec,
});

const template = {
  metadata: { name: '{{.cluster}}-guestbook' },
  spec: {
    project: 'default',
    source: { repoURL: 'https://github.com/argoproj/argocd-example-apps.git', targetRevision: 'HEAD', path: 'guestbook' },
    destination: { server: '{{.url}}', namespace: 'guestbook' },
  },
};
const list = { list: { elements: [{ cluster: 'dev', url: 'https://1.2.3.4' }, { cluster: 'prod', url: 'https://5.6.7.8' }] } };
const valid = { goTemplate: true, goTemplateOptions: ['missingkey=error'], generators: [list], template };

function findings(object: object, projects: object[] = []) {
  return validateManifests([object], { projects }).map((p) => `${p.severity} ${p.rule} ${p.path}: ${p.message}`);
}
function rules(object: object, projects: object[] = []) {
  return validateManifests([object], { projects }).map((p) => `${p.rule} ${p.path}`);
}

describe('applicationset/* rules', () => {
  test('a valid ApplicationSet has no problem', () => {
    expect(findings(appSet(valid))).toEqual([]);
  });

  describe('applicationset/template-syntax', () => {
    test('fails when a fasttemplate placeholder is used with goTemplate: true', () => {
      const f = findings(appSet({ ...valid, template: { ...template, metadata: { name: '{{cluster}}-guestbook' } } }));
      expect(f).toEqual([
        'error applicationset/template-syntax /spec/template/metadata/name: spec.template.metadata.name "{{cluster}}-guestbook" is not a valid Go template, and Argo CD fails the whole ApplicationSet ("template: base:1: function \\"cluster\\" not defined"): with goTemplate: true parameters are read as {{.cluster}}; write that, or set goTemplate: false for fasttemplate\'s {{cluster}}'.replace(/\\"/g, '"'),
      ]);
    });

    test('fails when Go syntax is used without goTemplate: true', () => {
      const f = findings(appSet({ generators: [list], template }));
      expect(f).toContain('error applicationset/template-syntax /spec/template/metadata/name: spec.template.metadata.name "{{.cluster}}-guestbook" uses Go template syntax, but goTemplate is not true: fasttemplate leaves "{{.cluster}}" unresolved in the generated Application: set spec.goTemplate: true, or write fasttemplate\'s {{name}}');
    });

    test('fails when a fasttemplate tag is not closed', () => {
      const fast = { ...template, metadata: { name: '{{cluster}}-{{x' }, spec: { ...template.spec, destination: { server: '{{url}}' } } };
      expect(findings(appSet({ generators: [list], template: fast }))).toEqual([
        'error applicationset/template-syntax /spec/template/metadata/name: spec.template.metadata.name "{{cluster}}-{{x" has a "{{" without a closing "}}", and fasttemplate fails ("Cannot find end tag=\"}}\" in the template=\"{{cluster}}-{{x\" starting from \"x\""): close the tag'.replace(/\\"/g, '"'),
      ]);
    });

    test('stays quiet on fasttemplate placeholders without goTemplate', () => {
      const fast = { ...template, metadata: { name: '{{cluster}}-guestbook' }, spec: { ...template.spec, destination: { server: '{{url}}', namespace: 'guestbook' } } };
      expect(findings(appSet({ generators: [list], template: fast }))).toEqual([]);
    });
  });

  test('applicationset/nondeterministic-function warns on now', () => {
    expect(findings(appSet({ ...valid, template: { ...template, metadata: { name: '{{.cluster}}', labels: { at: '{{ now | date "2006" }}' } } } })))
      .toContain(`warning applicationset/nondeterministic-function /spec/template/metadata/labels/at: spec.template.metadata.labels.at ${JSON.stringify('{{ now | date "2006" }}')} calls date, now, whose result changes at every reconcile, so Argo CD rewrites the Applications each time: derive the value from the parameters instead`);
  });

  describe('applicationset/go-template-options', () => {
    test('fails when an option is unknown', () => {
      expect(findings(appSet({ ...valid, goTemplateOptions: ['missingkey=eror'] }))).toEqual([
        'error applicationset/go-template-options /spec/goTemplateOptions/0: goTemplateOptions entry "missingkey=eror" is not a text/template option, and Template.Option panics on it: did you mean "missingkey=error"?',
      ]);
    });
    test('warns when options are set without goTemplate', () => {
      const fast = { ...template, metadata: { name: '{{cluster}}' }, spec: { ...template.spec, destination: { server: '{{url}}' } } };
      expect(rules(appSet({ goTemplateOptions: ['missingkey=error'], generators: [list], template: fast }))).toEqual(['applicationset/go-template-options /spec/goTemplateOptions']);
    });
  });

  describe('matrix and merge shapes', () => {
    test('fails when a matrix does not have exactly two children', () => {
      expect(findings(appSet({ ...valid, generators: [{ matrix: { generators: [list] } }] }))).toEqual([
        'error applicationset/matrix-children /spec/generators/0/matrix/generators: spec.generators[0].matrix.generators has 1 generator, but a matrix combines exactly two ("found less than two generators, Matrix support only two"): add a second generator',
      ]);
    });

    test('fails when matrices nest three levels deep', () => {
      const inner = { matrix: { generators: [list, list] } };
      const f = rules(appSet({ ...valid, generators: [{ matrix: { generators: [{ matrix: { generators: [inner, list] } }, list] } }] }));
      expect(f).toContain('applicationset/generator-nesting /spec/generators/0/matrix/generators/0/matrix/generators/0/matrix');
    });

    test('fails when a merge key is not a parameter of the base generator', () => {
      const f = findings(appSet({ ...valid, generators: [{ merge: { mergeKeys: ['server'], generators: [list, list] } }] }));
      expect(f).toContain('error applicationset/merge-keys /spec/generators/0/merge/mergeKeys/0: merge key "server" is not a parameter of the base generator (spec.generators[0].merge.generators[0] has "cluster", "url"), so every base parameter set gets the same empty key: use one of its parameters');
    });

    test('fails when a goTemplate merge key is nested', () => {
      const f = rules(appSet({ ...valid, generators: [{ merge: { mergeKeys: ['values.selector'], generators: [{ clusters: { values: { selector: 'x' } } }, { clusters: {} }] } }] }));
      expect(f).toEqual(['applicationset/merge-keys /spec/generators/0/merge/mergeKeys/0']);
    });

    test('stays quiet on a merge on an existing key', () => {
      expect(findings(appSet({ ...valid, generators: [{ merge: { mergeKeys: ['cluster'], generators: [list, { list: { elements: [{ cluster: 'dev', url: 'https://9.9.9.9' }] } }] } }] }))).toEqual([]);
    });
  });

  describe('applicationset/ignored-generator', () => {
    test('fails when an entry sets no generator', () => {
      expect(rules(appSet({ ...valid, generators: [{ selector: { matchLabels: { a: 'b' } } }] }))).toEqual(['applicationset/ignored-generator /spec/generators/0']);
    });
    test('warns when a matrix child has a template', () => {
      const child = { list: { ...list.list, template: { metadata: { labels: { a: 'b' } } } } };
      expect(rules(appSet({ ...valid, generators: [{ matrix: { generators: [child, { list: { elements: [{ x: 'y' }] } }] } }] })))
        .toContain('applicationset/ignored-generator /spec/generators/0/matrix/generators/0/list/template');
    });
  });

  describe('the Application rules on the template', () => {
    test('fails when the template destination sets both name and server', () => {
      const t = { ...template, spec: { ...template.spec, destination: { name: 'production', server: '{{.url}}' } } };
      expect(rules(appSet({ ...valid, template: t }))).toContain('application/destination /spec/template/spec/destination');
    });
    test('a field holding a placeholder is not judged', () => {
      const t = { ...template, spec: { ...template.spec, syncPolicy: { syncOptions: ['{{.opt}}'] } } };
      expect(rules(appSet({ ...valid, generators: [{ list: { elements: [{ cluster: 'a', url: 'https://1.1.1.1', opt: 'CreateNamespace=true' }] } }], template: t }))).toEqual([]);
    });
    test('warns when the template carries a sync wave', () => {
      const t = { ...template, metadata: { ...template.metadata, annotations: { 'argocd.argoproj.io/sync-wave': '1' } } };
      expect(rules(appSet({ ...valid, template: t }))).toEqual(['applicationset/template-sync-wave /spec/template/metadata/annotations/argocd.argoproj.io~1sync-wave']);
    });
  });

  describe('generated Applications (offline expansion)', () => {
    test('fails when a generated Application breaks an Application rule', () => {
      const t = { ...template, spec: { ...template.spec, syncPolicy: { syncOptions: ['{{.opt}}'] } } };
      const f = findings(appSet({ ...valid, generators: [{ list: { elements: [{ cluster: 'a', url: 'https://1.1.1.1', opt: 'createnamespace=true' }] } }], template: t }));
      expect(f).toEqual(['error application/sync-option /spec/template/spec/syncPolicy/syncOptions/0: generated Application "a-guestbook": sync option "createnamespace=true" does nothing: Argo CD compares sync options as exact, case-sensitive strings; use "CreateNamespace=true"']);
    });

    test('fails when two generated Applications have the same name', () => {
      const t = { ...template, metadata: { name: 'guestbook' } };
      expect(rules(appSet({ ...valid, template: t }))).toEqual(['applicationset/duplicate-name /spec/template/metadata/name']);
    });

    test('fails when a template fails to render', () => {
      const t = { ...template, metadata: { name: '{{.clustr}}' } };
      expect(findings(appSet({ ...valid, template: t }))).toEqual([
        'error applicationset/template-render /spec/template/metadata/name: spec.template.metadata.name fails to render, and Argo CD generates no Applications: failed to execute go template {{.clustr}}: template: base:1:2: executing "base" at <.clustr>: map has no entry for key "clustr"',
      ]);
    });

    test('checks generated Applications against their AppProject', () => {
      const project = {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'AppProject',
        metadata: { name: 'default', namespace: 'argocd' },
        spec: { sourceRepos: ['*'], destinations: [{ server: 'https://1.2.3.4', namespace: '*' }] },
      };
      const f = rules(appSet(valid), [project]);
      expect(f.length).toBeGreaterThan(0);
      expect(f.every((x) => x.startsWith('project-permissions/') || x.startsWith('project/'))).toBe(true);
    });
  });

  describe('applicationset/strategy', () => {
    test('fails when maxUpdate is not a percentage', () => {
      const strategy = { type: 'RollingSync', rollingSync: { steps: [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }], maxUpdate: '150%' }] } };
      expect(findings(appSet({ ...valid, strategy }))).toEqual([
        'error applicationset/strategy /spec/strategy/rollingSync/steps/0/maxUpdate: spec.strategy.rollingSync.steps[0].maxUpdate "150%" is not a percentage from "0%" to "100%": use e.g. "25%", or a number of Applications',
      ]);
    });
    test('stays quiet on a valid RollingSync', () => {
      const strategy = { type: 'RollingSync', rollingSync: { steps: [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['dev'] }], maxUpdate: '10%' }, { matchExpressions: [{ key: 'env', operator: 'In', values: ['prod'] }], maxUpdate: 1 }] } };
      expect(findings(appSet({ ...valid, strategy }))).toEqual([]);
    });
  });
});
