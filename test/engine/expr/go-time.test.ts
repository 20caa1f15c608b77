import { GoDuration, GoLocation, GoTime, parseDuration, parseTime } from '../../../src/engine/expr';

describe('Go time', () => {
  it.each([
    [0n, '0s'],
    [1n, '1ns'],
    [1500n, '1.5µs'],
    [1_500_000n, '1.5ms'],
    [3_723_500_000_000n, '1h2m3.5s'],
    [-90_000_000_000n, '-1m30s'],
    [86_400_000_000_000n, '24h0m0s'],
  ])('prints the duration %s ns as %s', (ns, text) => {
    expect(new GoDuration(ns).toString()).toBe(text);
  });

  it.each([
    ['1h2m3.5s', 3_723_500_000_000n],
    ['-1.5h', -5_400_000_000_000n],
    ['300ms', 300_000_000n],
    ['0', 0n],
  ])('parses the duration %s', (text, ns) => {
    expect(parseDuration(text).ns).toBe(ns);
  });

  it('fails when a duration has no unit', () => {
    expect(() => parseDuration('10')).toThrow('time: missing unit in duration "10"');
  });

  it('parses RFC 3339 with an offset into a fixed zone and prints it like Go', () => {
    const t = parseTime('2006-01-02T15:04:05Z07:00', '2024-03-05T10:20:30+02:00');
    expect(t.toString()).toBe('2024-03-05 10:20:30 +0200 +0200');
    expect(t.in(GoLocation.UTC).toString()).toBe('2024-03-05 08:20:30 +0000 UTC');
  });

  it('fails when the text does not match the layout, with Go\'s message', () => {
    expect(() => parseTime('2006-01-02T15:04:05Z07:00', 'yesterday')).toThrow('parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"');
  });

  it('adds and subtracts with nanosecond precision', () => {
    const t = GoTime.fromCivil(2024, 1, 1, 0, 0, 0, 999_999_999, GoLocation.UTC);
    const later = t.add(new GoDuration(2n));
    expect(later.formatLayout('2006-01-02T15:04:05.000000000Z07:00')).toBe('2024-01-01T00:00:01.000000001Z');
    expect(later.sub(t).ns).toBe(2n);
    expect(t.before(later)).toBe(true);
  });

  it('formats layouts with names, padding and 12-hour clocks', () => {
    const t = GoTime.fromCivil(2024, 3, 5, 15, 4, 5, 0, GoLocation.UTC);
    expect(t.formatLayout('Monday, 02-Jan-06 3:04PM MST')).toBe('Tuesday, 05-Mar-24 3:04PM UTC');
    expect(t.formatLayout('Jan _2 15:04:05')).toBe('Mar  5 15:04:05');
  });

  it('knows the zero time', () => {
    expect(GoTime.zero().isZero()).toBe(true);
    expect(GoTime.zero().toString()).toBe('0001-01-01 00:00:00 +0000 UTC');
  });
});
