import { CATALOG_TRIGGERS } from './fixtures/catalog-triggers';
import { evaluateTrigger } from '../../../src/engine/notifications/evaluate-trigger';
import { triggerEnvironment } from '../../../src/engine/notifications/trigger-environment';

type Status = 'succeeded' | 'failed' | 'running' | 'degraded' | 'deleting' | 'unknown' | 'no operation';

function operation(phase: string, startedAt: string, finishedAt?: string): Record<string, unknown> {
  return { phase, startedAt, ...(finishedAt ? { finishedAt } : {}), syncResult: { revision: 'abc123' } };
}

/** An Application in each status the catalog distinguishes. */
function application(status: Status): Record<string, unknown> {
  const metadata: Record<string, unknown> = { name: 'guestbook', namespace: 'argocd' };
  const base = { sync: { status: 'Synced' }, health: { status: 'Healthy', lastTransitionTime: '2026-01-01T10:00:30Z' } };
  switch (status) {
    case 'succeeded':
      return { metadata, status: { ...base, operationState: operation('Succeeded', '2026-01-01T10:00:00Z', '2026-01-01T10:00:20Z') } };
    case 'failed':
      return { metadata, status: { ...base, operationState: operation('Failed', '2026-01-01T10:00:00Z', '2026-01-01T10:00:20Z') } };
    case 'running':
      return { metadata, status: { ...base, sync: { status: 'OutOfSync' }, operationState: operation('Running', '2026-01-01T10:00:00Z') } };
    case 'degraded':
      return { metadata, status: { ...base, health: { status: 'Degraded', lastTransitionTime: '2026-01-01T10:00:30Z' }, operationState: operation('Succeeded', '2026-01-01T10:00:00Z', '2026-01-01T10:00:20Z') } };
    case 'deleting':
      return { metadata: { ...metadata, deletionTimestamp: '2026-01-01T11:00:00Z' }, status: base };
    case 'unknown':
      return { metadata, status: { sync: { status: 'Unknown' }, health: { status: 'Missing' } } };
    case 'no operation':
      return { metadata, status: base };
  }
}

const ALL: Status[] = ['succeeded', 'failed', 'running', 'degraded', 'deleting', 'unknown', 'no operation'];

/** For each trigger, the statuses that fire it. */
const FIRES: Record<string, Status[]> = {
  'on-created': ALL,
  'on-deleted': ['deleting'],
  'on-deployed': ['succeeded'],
  'on-health-degraded': ['degraded'],
  'on-sync-failed': ['failed'],
  'on-sync-running': ['running'],
  'on-sync-status-unknown': ['unknown'],
  'on-sync-succeeded': ['succeeded', 'degraded'],
};

const CASES = Object.keys(CATALOG_TRIGGERS).flatMap((trigger) => ALL.map((status) => [trigger, status, FIRES[trigger].includes(status)] as const));

describe('the catalog triggers of Argo CD v3.5.1', () => {
  it.each(CASES)('%s on a %s application fires: %s', (trigger, status, fires) => {
    const vars = triggerEnvironment({ app: application(status), now: '2026-01-01T12:00:00Z' });
    const [result] = evaluateTrigger(CATALOG_TRIGGERS[trigger], vars);
    expect(result.result).toBe(fires);
    expect(result.send).toEqual(CATALOG_TRIGGERS[trigger][0].send);
  });

  it('does not fire on-deployed when health settled during the sync, more than a minute before it finished', () => {
    const app = {
      metadata: { name: 'guestbook' },
      status: {
        sync: { status: 'Synced' },
        health: { status: 'Healthy', lastTransitionTime: '2026-01-01T10:00:10Z' },
        operationState: operation('Succeeded', '2026-01-01T10:00:00Z', '2026-01-01T10:05:00Z'),
      },
    };
    const [result] = evaluateTrigger(CATALOG_TRIGGERS['on-deployed'], triggerEnvironment({ app }));
    expect(result).toEqual({ when: CATALOG_TRIGGERS['on-deployed'][0].when, send: ['app-deployed'], result: false });
  });

  it('fires on-deployed when health changed before the sync started', () => {
    const app = application('succeeded');
    (app.status as Record<string, unknown>).health = { status: 'Healthy', lastTransitionTime: '2025-12-31T10:05:00Z' };
    const [result] = evaluateTrigger(CATALOG_TRIGGERS['on-deployed'], triggerEnvironment({ app }));
    expect(result.result).toBe(true);
  });

  it('reads oncePer as the revision of the last sync, nil-safe', () => {
    const [fired] = evaluateTrigger(CATALOG_TRIGGERS['on-sync-succeeded'], triggerEnvironment({ app: application('succeeded') }));
    expect(fired.oncePer).toBe('abc123');
    const [unknown] = evaluateTrigger(CATALOG_TRIGGERS['on-sync-status-unknown'], triggerEnvironment({ app: application('unknown') }));
    expect(unknown.result).toBe(true);
    expect(unknown.oncePer).toBeNull();
  });

  it('keys on-created by the application name', () => {
    const [result] = evaluateTrigger(CATALOG_TRIGGERS['on-created'], triggerEnvironment({ app: application('no operation') }));
    expect(result.oncePer).toBe('guestbook');
  });

  it('fails on-deployed without firing when health has no transition time', () => {
    const app = application('succeeded');
    (app.status as Record<string, unknown>).health = { status: 'Healthy' };
    const [result] = evaluateTrigger(CATALOG_TRIGGERS['on-deployed'], triggerEnvironment({ app }));
    expect(result.result).toBe(false);
    expect(result.error).toMatch(/^parsing time "" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "2006"/);
  });
});
