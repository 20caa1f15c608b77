import { spawnSync } from 'child_process';
import * as path from 'path';
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

  describe('formats (ajv-formats, loaded on first use)', () => {
    test('fails once when an int64 field is not an integer: the type, not the format too', () => {
      const app = withChange(application(), (o) => {
        o.spec.revisionHistoryLimit = 1.5;
      });
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/type /spec/revisionHistoryLimit']);
      expect(problems[0].message).toMatch(/^spec\.revisionHistoryLimit must be an integer, got 1\.5/);
    });

    test('fails when a date-time is not RFC 3339, with an example', () => {
      const app = withChange(application(), (o) => {
        o.status = { reconciledAt: '31/01/2026' };
      });
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/format /status/reconciledAt']);
      expect(problems[0].message).toBe('status.reconciledAt must be an RFC 3339 date-time such as "2026-01-31T12:00:00Z", got "31/01/2026" (string)');
    });

    test('int64 and date-time values in range have no problems', () => {
      const app = withChange(application(), (o) => {
        o.spec.revisionHistoryLimit = 2 ** 53;
        o.spec.syncPolicy.retry = { limit: -1 };
        o.status = { reconciledAt: '2026-01-31T12:00:00.123+01:00', history: [{ id: 0, revision: 'abc', deployedAt: '2026-01-31T12:00:00Z' }] };
      });
      expect(validateManifests([app])).toEqual([]);
    });

    test('fails when a string is shorter than its minLength (ajv\'s ucs2length, loaded on first use)', () => {
      const app = withChange(application(), (o) => {
        o.spec.sourceHydrator = { drySource: { repoURL: 'https://github.com/example-org/apps.git', targetRevision: 'main', path: 'dry' }, syncSource: { targetBranch: 'env/prod', path: '' } };
      });
      const problems = validateManifests([app]).filter((p) => p.rule.startsWith('schema/'));
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/constraint /spec/sourceHydrator/syncSource/path']);
      expect(problems[0].message).toBe('spec.sourceHydrator.syncSource.path must NOT have fewer than 1 characters, got "" (string)');
    });

    test('ajv-formats and ajv\'s runtime load only when a value with a format or a length limit is validated', () => {
      // node on the compiled library (jest's module registry keeps no require.cache)
      const lib = path.join(__dirname, '..', '..', '..', 'lib');
      const script = `
        const { validateManifests } = require(${JSON.stringify(path.join(lib, 'src', 'index.js'))});
        const loaded = () => Object.keys(require.cache).filter((f) => /[\\/]ajv(-formats)?[\\/]/.test(f)).map((f) => f.split(/[\\/]/).pop());
        const app = ${JSON.stringify(application())};
        const before = [validateManifests([app]).length, loaded()];
        const withFormat = [validateManifests([{ ...app, spec: { ...app.spec, revisionHistoryLimit: 1.5 } }]).map((p) => p.rule), loaded()];
        const syncSource = { targetBranch: 'env', path: '' };
        const withLength = validateManifests([{ ...app, spec: { ...app.spec, sourceHydrator: { drySource: app.spec.source, syncSource } } }]).filter((p) => p.rule.startsWith('schema/')).map((p) => p.rule);
        console.log(JSON.stringify({ before, withFormat, withLength: [withLength, loaded()] }));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf-8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({
        before: [0, []],
        withFormat: [['schema/type'], ['formats.js']],
        withLength: [['schema/constraint'], ['formats.js', 'ucs2length.js']],
      });
    });
  });

  describe('status and operation (validators of their own, loaded when an object has them)', () => {
    test('an Application exported from a cluster, with status and operation, has no problems', () => {
      const app = withChange(application(), (o) => {
        o.operation = { initiatedBy: { username: 'admin' }, sync: { revision: 'main', prune: true, syncOptions: ['CreateNamespace=true'] } };
        o.status = {
          sync: { status: 'Synced', revision: 'abc123', comparedTo: { source: o.spec.source, destination: o.spec.destination } },
          health: { status: 'Healthy' },
          history: [{ id: 1, revision: 'abc123', deployedAt: '2026-01-31T12:00:00Z', source: o.spec.source }],
          resources: [{ kind: 'Service', name: 'guestbook-ui', namespace: 'guestbook', status: 'Synced', version: 'v1' }],
        };
      });
      expect(validateManifests([app])).toEqual([]);
    });

    test('fails when a status field has the wrong type, at its path from the object', () => {
      const app = withChange(application(), (o) => {
        o.status = { history: [{ id: 'one', revision: 'abc', deployedAt: 'yesterday' }] };
      });
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual([
        'schema/format /status/history/0/deployedAt',
        'schema/type /status/history/0/id',
      ]);
      expect(problems[1].message).toMatch(/^status\.history\[0\]\.id must be an integer, got "one" \(string\)/);
    });

    test('fails when an operation field is misspelt, with the fields the operation accepts', () => {
      const app = withChange(application(), (o) => {
        o.operation = { sync: { revison: 'main' } };
      });
      const problems = validateManifests([app]);
      expect(problems.map((p) => `${p.rule} ${p.path}`)).toEqual(['schema/unknown-field /operation/sync/revison']);
      expect(problems[0].message).toMatch(/unknown field 'revison' in operation\.sync: .*did you mean 'revision'\?/);
    });

    test('fails once when status is not an object (the Application validator reports it)', () => {
      const app = application({ status: 'Synced' });
      expect(rulesOf([app])).toEqual(['schema/type /status']);
    });

    test('problems of the spec come before those of operation and status', () => {
      const app = withChange(application(), (o) => {
        o.status = { sync: { status: 7 } };
        o.operation = { retry: { limit: 'x' } };
        o.spec.project = 3;
      });
      expect(rulesOf([app])).toEqual(['schema/type /spec/project', 'schema/type /operation/retry/limit', 'schema/type /status/sync/status']);
    });

    test('the status and operation validators load only for an object that has the field', () => {
      // node on the compiled library (jest's module registry keeps no require.cache)
      const lib = path.join(__dirname, '..', '..', '..', 'lib');
      const script = `
        const { validateManifests } = require(${JSON.stringify(path.join(lib, 'src', 'index.js'))});
        const loaded = () => Object.keys(require.cache).filter((f) => /validators[\\\\/]application\\.(status|operation)\\.js$/.test(f)).map((f) => f.split(/[\\\\/]/).pop());
        const app = ${JSON.stringify(application())};
        const before = [validateManifests([app]).length, loaded()];
        const after = [validateManifests([{ ...app, status: { sync: { status: 'Synced' } } }]).length, loaded()];
        console.log(JSON.stringify({ before, after }));`;
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf-8' });
      expect(r.stderr).toBe('');
      expect(JSON.parse(r.stdout)).toEqual({ before: [0, []], after: [0, ['application.status.js']] });
    });

    test('fails when an ApplicationSet status field is unknown', () => {
      const set = withChange(applicationSet(), (o) => {
        o.status = { conditions: [{ type: 'ErrorOccurred', status: 'True', message: 'm', reason: 'r', lastTransitionTime: '2026-01-31T12:00:00Z', extra: 1 }] };
      });
      expect(rulesOf([set])).toEqual(['schema/unknown-field /status/conditions/0/extra']);
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
