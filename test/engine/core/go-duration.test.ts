import { formatGoDuration, parseGoDuration } from '../../../src/engine/core/go-duration';

describe('go durations', () => {
  test('format compactly and parse back', () => {
    expect([5000, 180000, 3600000, 5400000, 90000, 1500, 250, 0].map(formatGoDuration)).toEqual(['5s', '3m', '1h', '1h30m', '1m30s', '1.5s', '250ms', '0s']);
    expect(parseGoDuration('1h30m')).toEqual(5400e9);
    expect(parseGoDuration('1.5s')).toEqual(1.5e9);
  });
  test('reject what time.ParseDuration rejects', () => {
    expect(['1d', '5', '', 'h', '1h-5m'].map(parseGoDuration)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
