/**
 * The Go methods reachable from an expression: `time.Time` and `time.Duration` methods, found by
 * `runtime.Fetch` (`v.MethodByName`) before any field or key.
 *
 * Ported from Go 1.19 `src/time/time.go` (method set and results; `Unix`, `UnixNano`, … return
 * int64, `Year`, `Day`, … return int).
 */
import { GoDuration, GoLocation, GoTime } from './go-time';
import { GoFunc, Int64 } from './values';

function timeMethod(t: GoTime, name: string): GoFunc | undefined {
  switch (name) {
    case 'Add': return new GoFunc('func(time.Duration) time.Time', ['time.Duration'], (d) => t.add(d as GoDuration));
    case 'Sub': return new GoFunc('func(time.Time) time.Duration', ['time.Time'], (u) => t.sub(u as GoTime));
    case 'Before': return new GoFunc('func(time.Time) bool', ['time.Time'], (u) => t.before(u as GoTime));
    case 'After': return new GoFunc('func(time.Time) bool', ['time.Time'], (u) => t.after(u as GoTime));
    case 'Equal': return new GoFunc('func(time.Time) bool', ['time.Time'], (u) => t.equal(u as GoTime));
    case 'Compare': return new GoFunc('func(time.Time) int', ['time.Time'], (u) => (t.before(u as GoTime) ? -1n : t.after(u as GoTime) ? 1n : 0n));
    case 'Unix': return new GoFunc('func() int64', [], () => new Int64(BigInt(t.sec)));
    case 'UnixMilli': return new GoFunc('func() int64', [], () => new Int64(t.unixNano() / 1_000_000n - (t.unixNano() % 1_000_000n < 0n ? 1n : 0n)));
    case 'UnixNano': return new GoFunc('func() int64', [], () => new Int64(BigInt.asIntN(64, t.unixNano())));
    case 'Format': return new GoFunc('func(string) string', ['string'], (layout) => t.formatLayout(layout as string));
    case 'String': return new GoFunc('func() string', [], () => t.toString());
    case 'IsZero': return new GoFunc('func() bool', [], () => t.isZero());
    case 'UTC': return new GoFunc('func() time.Time', [], () => t.in(GoLocation.UTC));
    case 'Year': return new GoFunc('func() int', [], () => BigInt(t.civil().year));
    case 'Day': return new GoFunc('func() int', [], () => BigInt(t.civil().day));
    case 'Hour': return new GoFunc('func() int', [], () => BigInt(t.civil().hour));
    case 'Minute': return new GoFunc('func() int', [], () => BigInt(t.civil().minute));
    case 'Second': return new GoFunc('func() int', [], () => BigInt(t.civil().second));
    case 'Nanosecond': return new GoFunc('func() int', [], () => BigInt(t.nsec));
    case 'YearDay': return new GoFunc('func() int', [], () => BigInt(t.civil().yday));
    default: return undefined;
  }
}

function durationMethod(d: GoDuration, name: string): GoFunc | undefined {
  switch (name) {
    case 'Hours': return new GoFunc('func() float64', [], () => d.hours());
    case 'Minutes': return new GoFunc('func() float64', [], () => d.minutes());
    case 'Seconds': return new GoFunc('func() float64', [], () => d.seconds());
    case 'Milliseconds': return new GoFunc('func() int64', [], () => new Int64(d.ns / 1_000_000n));
    case 'Microseconds': return new GoFunc('func() int64', [], () => new Int64(d.ns / 1000n));
    case 'Nanoseconds': return new GoFunc('func() int64', [], () => new Int64(d.ns));
    case 'String': return new GoFunc('func() string', [], () => d.toString());
    case 'Abs': return new GoFunc('func() time.Duration', [], () => new GoDuration(d.ns < 0n ? BigInt.asIntN(64, -d.ns) : d.ns));
    default: return undefined;
  }
}

/** The bound method `name` of `from`, or undefined when its type has no such method. */
export function methodOf(from: unknown, name: string): GoFunc | undefined {
  if (from instanceof GoTime) return timeMethod(from, name);
  if (from instanceof GoDuration) return durationMethod(from, name);
  if (from instanceof GoLocation && name === 'String') return new GoFunc('func() string', [], () => from.toString());
  return undefined;
}
