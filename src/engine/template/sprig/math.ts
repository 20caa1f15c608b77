/**
 * Sprig's math functions: integer ones through cast.ToInt64 with Go's int64 wrap-around, float
 * ones (`addf`, `divf`, …) through shopspring/decimal as Sprig does (exact decimal arithmetic on
 * the shortest representation of each float64; division rounded half away from zero at 16
 * places), and until/untilStep/seq. Upstream: github.com/Masterminds/sprig numeric.go,
 * functions.go@v3.3.0; github.com/shopspring/decimal decimal.go v1.4.0 (NewFromFloat, DivRound).
 */
import { formatV } from '../go-fmt';
import { GoError, GoFunc, GoInt, GoSlice, GoValue, int64 } from '../go-value';
import { toFloat64, toInt64 } from './cast';
import { A, AS, I, fn, variadic } from './support';

const wrap = (v: bigint) => int64(BigInt.asIntN(64, v));

interface Decimal {
  coef: bigint;
  exp: number;
}

function decimalFromFloat(f: number): Decimal {
  if (!Number.isFinite(f)) throw new GoError(`Cannot create a Decimal from ${formatV(f)}`);
  if (f === 0) return { coef: 0n, exp: 0 };
  const [mant, e] = Math.abs(f).toExponential().split('e');
  const digits = mant.replace('.', '');
  const fracLen = digits.length - 1;
  const coef = BigInt(digits) * (f < 0 ? -1n : 1n);
  return { coef, exp: Number(e) - fracLen };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exp = Math.min(a.exp, b.exp);
  return [a.coef * 10n ** BigInt(a.exp - exp), b.coef * 10n ** BigInt(b.exp - exp), exp];
}

type DecOp = (a: Decimal, b: Decimal) => Decimal;

const add: DecOp = (a, b) => {
  const [x, y, exp] = align(a, b);
  return { coef: x + y, exp };
};
const sub: DecOp = (a, b) => {
  const [x, y, exp] = align(a, b);
  return { coef: x - y, exp };
};
const mul: DecOp = (a, b) => ({ coef: a.coef * b.coef, exp: a.exp + b.exp });
const div: DecOp = (a, b) => {
  if (b.coef === 0n) throw new GoError('decimal division by 0');
  const precision = 16;
  const k = a.exp - b.exp + precision;
  let n = a.coef;
  let d = b.coef;
  if (k >= 0) n *= 10n ** BigInt(k);
  else d *= 10n ** BigInt(-k);
  let q = n / d;
  const r = n - q * d;
  const abs = (x: bigint) => (x < 0n ? -x : x);
  if (2n * abs(r) >= abs(d)) q += (n < 0n) !== (d < 0n) ? -1n : 1n;
  return { coef: q, exp: -precision };
};

function decimalToFloat(d: Decimal): number {
  return Number(`${d.coef}e${d.exp}`);
}

function execDecimalOp(a: GoValue, b: GoValue[], op: DecOp): number {
  let acc = decimalFromFloat(toFloat64(a));
  for (const x of b) acc = op(acc, decimalFromFloat(toFloat64(x)));
  return decimalToFloat(acc);
}

const MAX_LIST = 10_000_000;

/** Sprig's untilStep. */
export function untilStep(start: number, stop: number, step: number): number[] {
  const v: number[] = [];
  const push = (i: number) => {
    if (v.length >= MAX_LIST) throw new GoError(`untilStep: more than ${MAX_LIST} elements`);
    v.push(i);
  };
  if (stop < start) {
    if (step >= 0) return v;
    for (let i = start; i > stop; i += step) push(i);
    return v;
  }
  if (step <= 0) return v;
  for (let i = start; i < stop; i += step) push(i);
  return v;
}

function intSlice(xs: number[]): GoSlice {
  return new GoSlice('int', xs.map((x) => new GoInt('int', BigInt(x))));
}

function seq(...params: GoInt[]): string {
  const p = params.map((x) => Number(x.value));
  let increment = 1;
  let xs: number[];
  switch (p.length) {
    case 0: return '';
    case 1: {
      const start = 1;
      const end = p[0];
      if (end < start) increment = -1;
      xs = untilStep(start, end + increment, increment);
      break;
    }
    case 3: {
      const [start, step, end] = p;
      if (end < start) {
        increment = -1;
        if (step > 0) return '';
      }
      xs = untilStep(start, end + increment, step);
      break;
    }
    case 2: {
      const [start, end] = p;
      const step = end < start ? -1 : 1;
      xs = untilStep(start, end + step, step);
      break;
    }
    default: return '';
  }
  return xs.join(' ');
}

function round(a: GoValue, p: GoInt, ...rOpt: number[]): number {
  const roundOn = rOpt.length > 0 ? rOpt[0] : 0.5;
  const val = toFloat64(a);
  const pow = Math.pow(10, Number(p.value));
  const digit = pow * val;
  const frac = Number.isFinite(digit) ? digit - Math.trunc(digit) : Number.isNaN(digit) ? NaN : 0;
  const r = frac >= roundOn ? Math.ceil(digit) : Math.floor(digit);
  return r / pow;
}

function atoi(s: string): GoInt {
  if (!/^[+-]?\d+$/.test(s)) return new GoInt('int', 0n);
  const v = BigInt(s);
  return new GoInt('int', v >= -(2n ** 63n) && v < 2n ** 63n ? v : 0n);
}

function goMax(a: number, b: number): number {
  if (a === Infinity || b === Infinity) return Infinity;
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? b : a;
  return a > b ? a : b;
}

function goMin(a: number, b: number): number {
  if (a === -Infinity || b === -Infinity) return -Infinity;
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === 0 && b === 0) return Object.is(a, -0) ? a : b;
  return a < b ? a : b;
}

export function mathFuncs(): Record<string, GoFunc> {
  const maxF = variadic([A, AS], (a: GoValue, ...i: GoValue[]) => wrap(i.reduce((acc: bigint, b) => (toInt64(b) > acc ? toInt64(b) : acc), toInt64(a))), 'int64');
  return {
    add1: fn([A], (i: GoValue) => wrap(toInt64(i) + 1n), 'int64'),
    add: variadic([AS], (...i: GoValue[]) => wrap(i.reduce((acc: bigint, b) => BigInt.asIntN(64, acc + toInt64(b)), 0n)), 'int64'),
    sub: fn([A, A], (a: GoValue, b: GoValue) => wrap(toInt64(a) - toInt64(b)), 'int64'),
    div: fn([A, A], (a: GoValue, b: GoValue) => {
      const d = toInt64(b);
      if (d === 0n) throw new GoError('runtime error: integer divide by zero');
      return wrap(toInt64(a) / d);
    }, 'int64'),
    mod: fn([A, A], (a: GoValue, b: GoValue) => {
      const d = toInt64(b);
      if (d === 0n) throw new GoError('runtime error: integer divide by zero');
      return wrap(toInt64(a) % d);
    }, 'int64'),
    mul: variadic([A, AS], (a: GoValue, ...v: GoValue[]) => wrap(v.reduce((acc: bigint, b) => BigInt.asIntN(64, acc * toInt64(b)), toInt64(a))), 'int64'),
    add1f: fn([A], (i: GoValue) => execDecimalOp(i, [new GoInt('int', 1n)], add), 'float64'),
    addf: variadic([AS], (...i: GoValue[]) => execDecimalOp(0, i, add), 'float64'),
    subf: variadic([A, AS], (a: GoValue, ...v: GoValue[]) => execDecimalOp(a, v, sub), 'float64'),
    divf: variadic([A, AS], (a: GoValue, ...v: GoValue[]) => execDecimalOp(a, v, div), 'float64'),
    mulf: variadic([A, AS], (a: GoValue, ...v: GoValue[]) => execDecimalOp(a, v, mul), 'float64'),
    biggest: maxF,
    max: maxF,
    min: variadic([A, AS], (a: GoValue, ...i: GoValue[]) => wrap(i.reduce((acc: bigint, b) => (toInt64(b) < acc ? toInt64(b) : acc), toInt64(a))), 'int64'),
    maxf: variadic([A, AS], (a: GoValue, ...i: GoValue[]) => i.reduce((acc: number, b) => goMax(acc, toFloat64(b)), toFloat64(a)), 'float64'),
    minf: variadic([A, AS], (a: GoValue, ...i: GoValue[]) => i.reduce((acc: number, b) => goMin(acc, toFloat64(b)), toFloat64(a)), 'float64'),
    ceil: fn([A], (a: GoValue) => Math.ceil(toFloat64(a)), 'float64'),
    floor: fn([A], (a: GoValue) => Math.floor(toFloat64(a)), 'float64'),
    round: variadic([A, I, '[]float64'], round as never, 'float64'),
    int: fn([A], (v: GoValue) => new GoInt('int', toInt64(v)), 'int'),
    int64: fn([A], (v: GoValue) => int64(toInt64(v)), 'int64'),
    float64: fn([A], toFloat64, 'float64'),
    atoi: fn(['string'], atoi, 'int'),
    toDecimal: fn([A], (v: GoValue) => {
      const s = formatV(v);
      if (!/^[+-]?[0-7]+$/.test(s)) return int64(0n);
      const n = BigInt('0o' + s.replace(/^[+-]/, '')) * (s.startsWith('-') ? -1n : 1n);
      return int64(n >= -(2n ** 63n) && n < 2n ** 63n ? n : 0n);
    }, 'int64'),
    seq: variadic(['[]int'], seq as never, 'string'),
    until: fn([I], (c: GoInt) => {
      const n = Number(c.value);
      return intSlice(untilStep(0, n, n < 0 ? -1 : 1));
    }, '[]int'),
    untilStep: fn([I, I, I], (a: GoInt, b: GoInt, c: GoInt) => intSlice(untilStep(Number(a.value), Number(b.value), Number(c.value))), '[]int'),
  };
}
