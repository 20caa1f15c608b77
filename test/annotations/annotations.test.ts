import { ApiObject, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-30';
import {
  CompareOption, CompareOptions, Hook, HookDeletePolicy, HookType, ResourceSyncOption, ResourceSyncOptions, SyncWave, validateManifests,
} from '../../src';
import { KNOWN_DELETE_POLICIES, KNOWN_HOOK_TYPES } from '../../src/engine/argo/hooks';
import { APPLICATION_COMPARE_OPTIONS, RESOURCE_COMPARE_OPTIONS, RESOURCE_SYNC_OPTIONS } from '../../src/engine/argo/sync-options';

function annotationsOf(chart: any, kind: string): Record<string, string> {
  return Testing.synth(chart).find((o: any) => o.kind === kind).metadata.annotations;
}

describe('SyncWave', () => {
  test('works on a cdk8s-plus object through ApiObject.of()', () => {
    // GIVEN
    const chart = Testing.chart();
    const cm = new kplus.ConfigMap(chart, 'Config', { data: { a: 'b' } });
    // WHEN
    SyncWave.of(cm).set(-2);
    // THEN
    expect(annotationsOf(chart, 'ConfigMap')).toEqual({ 'argocd.argoproj.io/sync-wave': '-2' });
    expect(SyncWave.of(cm).wave).toBe(-2);
  });

  test('works on an L1 ApiObject', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'Obj', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } });
    SyncWave.of(obj).set(3);
    expect(annotationsOf(chart, 'Secret')['argocd.argoproj.io/sync-wave']).toBe('3');
  });

  test('fails when the wave is not an integer', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'Obj', { apiVersion: 'v1', kind: 'Secret' });
    expect(() => SyncWave.of(obj).set(1.5)).toThrow(/^\[test\/Obj\] sync wave must be an integer, got 1.5: .*use e\.g\. 2$/);
  });
});

describe('Hook', () => {
  test('sets the hook types and delete policies', () => {
    const chart = Testing.chart();
    const job = new kplus.Job(chart, 'Migrate', { containers: [{ image: 'migrate:1', securityContext: { ensureNonRoot: false } }] });
    Hook.of(job).set({
      types: [HookType.PRE_SYNC, HookType.SYNC],
      deletePolicies: [HookDeletePolicy.HOOK_SUCCEEDED, HookDeletePolicy.BEFORE_HOOK_CREATION],
    });
    expect(annotationsOf(chart, 'Job')).toEqual({
      'argocd.argoproj.io/hook': 'PreSync,Sync',
      'argocd.argoproj.io/hook-delete-policy': 'HookSucceeded,BeforeHookCreation',
    });
  });

  test('emits only generateName when asked', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'Smoke', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'smoke' } });
    Hook.of(obj).set({ types: [HookType.POST_SYNC], deletePolicies: [HookDeletePolicy.HOOK_SUCCEEDED], generateName: 'smoke-test-' });
    const [json] = Testing.synth(chart);
    expect(json.metadata.name).toBeUndefined();
    expect(json.metadata.generateName).toBe('smoke-test-');
    expect(validateManifests([json])).toEqual([]);
  });

  test('useGenerateName derives the prefix from the name', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'Smoke', { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'smoke' } });
    Hook.of(obj).useGenerateName();
    expect(Testing.synth(chart)[0].metadata).toEqual({ generateName: 'smoke-' });
  });

  test('custom hook types pass through and are checked by the validator', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'X', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } });
    Hook.of(obj).set({ types: [HookType.custom('PreRollback')] });
    const json = obj.toJson();
    expect(json.metadata.annotations).toEqual({ 'argocd.argoproj.io/hook': 'PreRollback' });
    expect(validateManifests([json]).map((p) => p.rule)).toEqual(['hook/unknown-type']);
    // Hook.of registered the App-level validation, so the synth reports it with the construct path.
    expect(() => Testing.synth(chart)).toThrow(/\[test\/X\] hook type "PreRollback" is not one Argo CD knows.* \[hook\/unknown-type\]$/m);
  });

  test('fails when Skip is combined with another type', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'X', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(() => Hook.of(obj).set({ types: [HookType.SKIP, HookType.PRE_SYNC] })).toThrow(/^\[test\/X\] hook types "Skip,PreSync" combine Skip with other types/);
  });

  test('fails when types is empty or a custom type holds a comma', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'X', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(() => Hook.of(obj).set({ types: [] })).toThrow(/hook 'types' is empty/);
    expect(() => HookType.custom('PreSync,Sync')).toThrow(/pass several HookType values instead/);
  });

  test('fails when generateName is not a DNS-1123 prefix', () => {
    const chart = Testing.chart();
    const obj = new ApiObject(chart, 'X', { apiVersion: 'v1', kind: 'ConfigMap' });
    expect(() => Hook.of(obj).useGenerateName('Bad_')).toThrow(/generateName "Bad_" is not a valid DNS-1123 prefix/);
  });
});

describe('ResourceSyncOptions and CompareOptions', () => {
  test('add options without repeating them', () => {
    const chart = Testing.chart();
    const pvc = new ApiObject(chart, 'Data', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data' } });
    ResourceSyncOptions.of(pvc).add(ResourceSyncOption.PRUNE_FALSE, ResourceSyncOption.DELETE_FALSE);
    ResourceSyncOptions.of(pvc).add(ResourceSyncOption.PRUNE_FALSE, ResourceSyncOption.SERVER_SIDE_APPLY);
    CompareOptions.of(pvc).add(CompareOption.IGNORE_EXTRANEOUS);
    const [json] = Testing.synth(chart);
    expect(json.metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-options': 'Prune=false,Delete=false,ServerSideApply=true',
      'argocd.argoproj.io/compare-options': 'IgnoreExtraneous',
    });
    expect(ResourceSyncOptions.of(pvc).options).toEqual(['Prune=false', 'Delete=false', 'ServerSideApply=true']);
    expect(validateManifests([json])).toEqual([]);
  });

  test('custom options are exact strings', () => {
    expect(ResourceSyncOption.custom('Foo=bar').value).toBe('Foo=bar');
    expect(() => ResourceSyncOption.custom('A=b,C=d')).toThrow(/^sync option must be one option without spaces or ",", got "A=b,C=d"/);
    expect(() => CompareOption.custom(' X')).toThrow(/compare option must be one option/);
  });
});

describe('typed options and the engine agree', () => {
  const values = (cls: any) => Object.values(cls).filter((v: any) => v instanceof cls).map((v: any) => v.value as string);

  test('every ResourceSyncOption constant is one the engine accepts on a resource, and vice versa', () => {
    expect(values(ResourceSyncOption).sort()).toEqual([...RESOURCE_SYNC_OPTIONS].sort());
  });

  test('every CompareOption constant is one the engine knows', () => {
    expect(values(CompareOption).sort()).toEqual([...RESOURCE_COMPARE_OPTIONS, ...APPLICATION_COMPARE_OPTIONS].sort());
  });

  test('every HookType and HookDeletePolicy is one the engine knows, and vice versa', () => {
    expect(Object.values(HookType).filter((v) => v instanceof HookType).map((v) => v.value).sort()).toEqual([...KNOWN_HOOK_TYPES].sort());
    expect(Object.values(HookDeletePolicy).sort()).toEqual([...KNOWN_DELETE_POLICIES].sort());
  });
});
