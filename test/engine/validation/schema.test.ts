import { application, applicationSet, appProject, withChange } from './fixtures';
import { validateManifests } from '../../../src';

const rulesOf = (objects: unknown[]) => validateManifests(objects).map((p) => `${p.rule} ${p.path}`);

describe('schema validation against the Argo CD v3.5.1 CRDs', () => {
  test('valid Application, AppProject and ApplicationSet have no problems', () => {
    expect(validateManifests([application(), appProject(), applicationSet()])).toEqual([]);
  });

  test('objects of other kinds are passed through unchecked', () => {
    // GIVEN a Deployment with fields no schema here knows
    const deployment = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'Web_App' }, spec: { replicaz: 'x' } };
    // THEN
    expect(validateManifests([deployment])).toEqual([]);
  });

  describe('unknown fields (kubectl strict field validation)', () => {
    test('fails when an optional field is misspelt: repoUrl', () => {
      const app = withChange(application(), (o) => {
        o.spec.source.repoUrl = o.spec.source.repoURL;
        delete o.spec.source.repoURL;
      });
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual([
        'schema/required /spec/source/repoURL',
        'schema/unknown-field /spec/source/repoUrl',
      ]);
      expect(problems[1].message).toMatch(/unknown field 'repoUrl' in spec\.source: .*did you mean 'repoURL'\?/);
      expect(problems[1]).toMatchObject({ severity: 'error', kind: 'Application', name: 'guestbook', namespace: 'argocd', index: 0 });
    });

    test('fails when a nested field is misspelt: syncPolicy.automated.selfheal', () => {
      const app = withChange(application(), (o) => {
        o.spec.syncPolicy.automated = { selfheal: true };
      });
      const problems = validateManifests([app]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ rule: 'schema/unknown-field', path: '/spec/syncPolicy/automated/selfheal' });
      expect(problems[0].message).toMatch(/did you mean 'selfHeal'\?/);
    });

    test('fails when an AppProject field is written on an Application: spec.destinations', () => {
      const app = withChange(application(), (o) => {
        o.spec.destinations = [o.spec.destination];
      });
      expect(rulesOf([app])).toEqual(['schema/unknown-field /spec/destinations']);
    });

    test('fails when an unknown field is deep inside an ApplicationSet template', () => {
      const set = withChange(applicationSet(), (o) => {
        o.spec.template.spec.source.helm = { valueFile: ['a.yaml'] };
      });
      const problems = validateManifests([set]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/unknown-field /spec/template/spec/source/helm/valueFile']);
      expect(problems[0].message).toMatch(/did you mean 'valueFiles'\?/);
    });

    test('fails when an unknown field is in metadata', () => {
      const app = withChange(application(), (o) => {
        o.metadata.lables = { a: 'b' };
      });
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/unknown-field /metadata/lables']);
      expect(problems[0].message).toMatch(/did you mean 'labels'\?/);
    });

    test('an unknown field with no close match lists the accepted fields', () => {
      const project = withChange(appProject(), (o) => {
        o.spec.orphanedResources = { warn: true, zzz: 1 };
      });
      const [problem] = validateManifests([project]);
      expect(problem.message).toMatch(/remove it; spec\.orphanedResources accepts 'ignore', 'warn'/);
    });

    test('preserve-unknown-fields objects stay open: helm valuesObject and list elements', () => {
      const app = withChange(application(), (o) => {
        o.spec.source.helm = { valuesObject: { anything: { goes: [1, 2] } } };
      });
      const set = withChange(applicationSet(), (o) => {
        o.spec.generators[0].list.elements.push({ cluster: 'prod', url: 'https://kubernetes.default.svc', any: { nested: 'value' } });
      });
      expect(validateManifests([app, set])).toEqual([]);
    });
  });

  describe('required fields', () => {
    test('fails when spec.destination is missing', () => {
      const app = withChange(application(), (o) => delete o.spec.destination);
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/required /spec/destination']);
      expect(problems[0].message).toBe('missing required field spec.destination: add it');
    });

    test('fails when sources[].repoURL is missing', () => {
      const app = withChange(application(), (o) => {
        delete o.spec.source;
        o.spec.sources = [{ path: 'a' }];
      });
      expect(rulesOf([app])).toEqual(['schema/required /spec/sources/0/repoURL']);
    });
  });

  describe('types', () => {
    test('fails when a boolean is a string: prune: "yes"', () => {
      const app = withChange(application(), (o) => {
        o.spec.syncPolicy.automated.prune = 'yes';
      });
      const [problem] = validateManifests([app]);
      expect(problem).toMatchObject({ rule: 'schema/type', path: '/spec/syncPolicy/automated/prune' });
      expect(problem.message).toBe('spec.syncPolicy.automated.prune must be a boolean, got "yes" (string): write true or false without quotes');
    });

    test('fails when a list is a string: syncOptions', () => {
      const app = withChange(application(), (o) => {
        o.spec.syncPolicy.syncOptions = 'CreateNamespace=true';
      });
      const [problem] = validateManifests([app]);
      expect(problem.rule).toBe('schema/type');
      expect(problem.message).toMatch(/must be a list, got "CreateNamespace=true" \(string\): write it as a YAML list/);
    });

    test('fails when an integer is quoted: revisionHistoryLimit: "10"', () => {
      const app = withChange(application(), (o) => {
        o.spec.revisionHistoryLimit = '10';
      });
      const [problem] = validateManifests([app]);
      expect(problem.message).toMatch(/spec\.revisionHistoryLimit must be an integer, got "10" \(string\): write the number without quotes/);
    });

    test('warns when a field is null: the API server drops it', () => {
      const app = withChange(application(), (o) => {
        o.spec.source.helm = null;
      });
      const problems = validateManifests([app]);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ severity: 'warning', rule: 'schema/null-value', path: '/spec/source/helm' });
    });
  });

  describe('int-or-string', () => {
    test('integer and string are both accepted: kustomize replicas count', () => {
      const app = withChange(application(), (o) => {
        o.spec.source.kustomize = { replicas: [{ name: 'web', count: 3 }, { name: 'api', count: '2' }] };
      });
      expect(validateManifests([app])).toEqual([]);
    });

    test('fails when an int-or-string is neither', () => {
      const app = withChange(application(), (o) => {
        o.spec.source.kustomize = { replicas: [{ name: 'web', count: true }] };
      });
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/int-or-string /spec/source/kustomize/replicas/0/count']);
      expect(problems[0].message).toBe('spec.source.kustomize.replicas[0].count must be an integer or a string, got true (boolean)');
    });
  });

  describe('enums', () => {
    test('fails when an enum value is wrong: applicationsSync', () => {
      const set = withChange(applicationSet(), (o) => {
        o.spec.syncPolicy = { applicationsSync: 'create-upate' };
      });
      const [problem] = validateManifests([set]);
      expect(problem).toMatchObject({ rule: 'schema/enum', path: '/spec/syncPolicy/applicationsSync' });
      expect(problem.message).toMatch(/must be one of "create-only", "create-update", "create-delete", "sync", got "create-upate" \(string\); did you mean "create-update"\?/);
    });
  });

  describe('apiVersion', () => {
    test('fails when the version is not served by the CRD', () => {
      const app = application({ apiVersion: 'argoproj.io/v1beta1' });
      const [problem] = validateManifests([app]);
      expect(problem).toMatchObject({ rule: 'schema/api-version', path: '/apiVersion' });
      expect(problem.message).toMatch(/use "argoproj\.io\/v1alpha1"/);
    });

    test('a kind of another group with the same name is not an Argo CD object', () => {
      expect(validateManifests([{ apiVersion: 'example.com/v1', kind: 'Application', metadata: { name: 'x' }, spec: { foo: 1 } }])).toEqual([]);
    });
  });

  test('problems carry the index of the object in the input', () => {
    const bad = withChange(application(), (o) => {
      delete o.spec.destination;
      o.metadata.name = 'other';
    });
    const problems = validateManifests([application(), appProject(), bad]);
    expect(problems.map((p) => p.index)).toEqual([2]);
  });

  test('skipRules drops problems by id or prefix', () => {
    const bad = withChange(application(), (o) => {
      delete o.spec.destination;
      o.spec.extra = 1;
    });
    expect(validateManifests([bad], { skipRules: ['schema/required'] }).map((p) => p.rule)).toEqual(['schema/unknown-field']);
    expect(validateManifests([bad], { skipRules: ['schema/'] })).toEqual([]);
  });
});

describe('validateManifests input', () => {
  test('fails when it is not given an array', () => {
    expect(() => validateManifests({ kind: 'Application' } as any)).toThrow(/validateManifests expects an array of objects \(e\.g\. chart\.toJson\(\)\), got object: wrap a single object in \[ \]/);
  });
});
