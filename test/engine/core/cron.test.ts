import { cronError } from '../../../src/engine/core/cron';

describe('sync-window cron', () => {
  test('accepts robfig/cron 5-field expressions', () => {
    expect(['0 22 * * *', '*/15 9-17 * * mon-fri', '0 0 1,15 * ?', '30 2 * jan-mar 0', '0 6 * * 1-5'].map(cronError))
      .toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
  test('rejects descriptors, seconds and out-of-range values', () => {
    expect(cronError('@daily')).toMatch(/descriptors/);
    expect(cronError('0 0 22 * * *')).toMatch(/has 6 fields, expected 5/);
    expect(cronError('60 * * * *')).toMatch(/minute field: "60" is outside 0-59/);
    expect(cronError('0 0 * * 7')).toMatch(/day of week field: "7" is outside 0-6/);
    expect(cronError('0 0 * * fri-mon')).toMatch(/starts after it ends/);
  });
});
