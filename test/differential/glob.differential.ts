/**
 * src/engine/core/glob against gobwas/glob v0.2.3 itself (Debian's golang-github-gobwas-glob-dev is
 * exactly the version Argo CD v3.5.1 pins). Patterns come from an alphabet rich in glob syntax and
 * in multi-byte characters; texts come from the same alphabet and from the pattern (expanded or
 * mutated), so that matches happen. Compile errors, match results and panics must all agree.
 */
import * as fc from 'fast-check';
import { GoProgram } from './go-program';
import { compileGlob, GlobSyntaxError, GoPanic } from '../../src/engine/core/glob';

interface Input {
  readonly pattern: string;
  readonly text: string;
  readonly separators: string;
}

interface Answer {
  readonly compiled: boolean;
  readonly error?: string;
  readonly match?: boolean;
  readonly panic?: string;
}

const SYNTAX = ['*', '?', '[', ']', '{', '}', ',', '!', '^', '-', '\\', '/', '.'];
const PLAIN = ['a', 'b', 'c', 'z', '0', '9', 'é', '😀', 'ä'];
const RARE = ['\u0000', '\ufffd', '\ud800', 'A'];
const PIECES = ['**', '[a-z]', '[!a]', '[^a]', '[ab]', '[!/]', '{a,b}', '{a,}', '{,}', '{}', '[é-😀]', 'start', 'art', '\\*'];

const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SYNTAX) },
  { weight: 6, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 1, arbitrary: fc.constantFrom(...RARE) },
  { weight: 3, arbitrary: fc.constantFrom(...PIECES) },
);
const pattern = fc.array(char, { maxLength: 10 }).map((parts) => parts.join(''));
const freeText = fc.array(fc.constantFrom(...PLAIN, '/', '.', '*', '?', ',', '-'), { maxLength: 10 }).map((parts) => parts.join(''));

const FILL = [...PLAIN, '/', '.'];

/** A text that follows the pattern: wildcards filled in, classes and alternatives picked. */
function expand(p: string, choices: readonly number[]): string {
  let c = 0;
  const pick = (n: number): number => (n <= 0 ? 0 : (choices[c++ % choices.length] ?? 0) % n);
  const chars = [...p];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '*') {
      const n = pick(4);
      for (let k = 0; k < n; k++) out += FILL[pick(FILL.length)];
    } else if (ch === '?') {
      out += FILL[pick(FILL.length)];
    } else if (ch === '\\') {
      if (i + 1 < chars.length) out += chars[++i];
    } else if (ch === '[') {
      const end = chars.indexOf(']', i + 1);
      const inner = end < 0 ? chars.slice(i + 1) : chars.slice(i + 1, end);
      const usable = inner.filter((x) => x !== '!' && x !== '-');
      out += usable.length > 0 ? usable[pick(usable.length)] : FILL[pick(FILL.length)];
      i = end < 0 ? chars.length : end;
    } else if (ch === '{' || ch === '}' || ch === ',') {
      // keep the alternative we are in: skip to the end of it on some choices
      if (ch === ',' && pick(2) === 0) {
        const close = chars.indexOf('}', i);
        i = close < 0 ? chars.length : close;
      }
    } else {
      out += ch;
    }
  }
  return out;
}

/** The pattern with a few characters dropped or replaced. */
function mutate(p: string, choices: readonly number[]): string {
  const chars = [...p];
  for (const n of choices.slice(0, 3)) {
    if (chars.length === 0) break;
    const at = n % chars.length;
    if (n % 3 === 0) chars.splice(at, 1);
    else chars[at] = FILL[n % FILL.length];
  }
  return chars.join('');
}

const choices = fc.array(fc.nat(1000), { minLength: 1, maxLength: 12 });
const pair = fc.oneof(
  fc.tuple(pattern, freeText),
  fc.tuple(pattern, choices).map(([p, cs]) => [p, expand(p, cs)] as [string, string]),
  fc.tuple(pattern, choices).map(([p, cs]) => [p, mutate(p, cs)] as [string, string]),
  fc.tuple(pattern, choices).map(([p, cs]) => [p, expand(p, cs).slice(0, cs[0] % 6)] as [string, string]),
);

function ours(input: Input): Answer {
  let glob;
  try {
    glob = compileGlob(input.pattern, input.separators);
  } catch (e) {
    if (e instanceof GlobSyntaxError) return { compiled: false, error: e.reason };
    if (e instanceof GoPanic) return { compiled: false, panic: e.message };
    throw e;
  }
  try {
    return { compiled: true, match: glob.match(input.text) };
  } catch (e) {
    if (e instanceof GoPanic) return { compiled: true, panic: e.message };
    throw e;
  }
}

const CASES = 12_000;

describe('gobwas/glob v0.2.3 port agrees with gobwas', () => {
  const go = GoProgram.build('glob');

  it.each([
    ['no separators', ''],
    ['separator /', '/'],
    ['separators ./', './'],
  ])('%s', (_name, separators) => {
    const seed = 20261130 + separators.length;
    const inputs: Input[] = fc.sample(pair, { numRuns: CASES, seed })
      .map(([p, text]) => ({ pattern: p, text, separators }));
    const theirs = go.run<Input, Answer>(inputs);
    const disagreements = inputs
      .map((input, i) => ({ input, go: theirs[i], ours: ours(input) }))
      .filter((c) => JSON.stringify(c.go) !== JSON.stringify(c.ours));
    const compiled = theirs.filter((a) => a.compiled).length;
    const matched = theirs.filter((a) => a.match === true).length;
    const panicked = theirs.filter((a) => a.panic !== undefined).length;
    // eslint-disable-next-line no-console
    console.log(`${separators || 'none'}: ${inputs.length} pairs, ${compiled} compiled, ${matched} matched, ${panicked} panicked, ${disagreements.length} disagreements`);
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(disagreements).toHaveLength(0);
  });
});
