/**
 * Sprig functions whose result depends on the clock, randomness or the network. They are in the
 * function maps (so templates using them parse, as in Argo CD) and flagged `nondeterministic`, so
 * `nondeterministicFunctionsIn` can report them. Random strings, uuidv4, shuffle and randInt are
 * computed; time, date, crypto-key and DNS functions fail when called, naming the function.
 * Upstream: github.com/Masterminds/sprig functions.go, crypto.go, date.go, network.go@v3.3.0.
 */
import { randomBytes, randomInt, randomUUID } from 'crypto';
import { GoError, GoFunc, GoInt, GoValue } from '../go-value';

const ALPHA = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const NUM = '0123456789';

function randFrom(chars: string): (count: GoInt) => string {
  return (count) => {
    let out = '';
    for (let i = 0; i < Number(count.value); i++) out += chars[randomInt(chars.length)];
    return out;
  };
}

function nd(params: string[], impl: (...args: never[]) => GoValue, variadic = false, returnsError = false): GoFunc {
  return new GoFunc(params, impl as (...args: GoValue[]) => GoValue, { variadic, returnsError, nondeterministic: true });
}

function unavailable(name: string): (...args: GoValue[]) => GoValue {
  return () => {
    throw new GoError(`${name} is not deterministic and is not evaluated offline`);
  };
}

const ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

/** Non-deterministic functions of Sprig's generic map. */
export function nondeterministicFuncs(): Record<string, GoFunc> {
  const out: Record<string, GoFunc> = {
    randAlphaNum: nd(['int'], randFrom(ALPHA + NUM)),
    randAlpha: nd(['int'], randFrom(ALPHA)),
    randAscii: nd(['int'], randFrom(ASCII)),
    randNumeric: nd(['int'], randFrom(NUM)),
    randInt: nd(['int', 'int'], (min: GoInt, max: GoInt) => {
      const span = Number(max.value - min.value);
      if (span <= 0) throw new GoError('invalid argument to Intn');
      return new GoInt('int', BigInt(randomInt(span)) + min.value);
    }),
    uuidv4: nd([], () => randomUUID()),
    shuffle: nd(['string'], (s: string) => {
      const cs = [...s];
      for (let i = cs.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [cs[i], cs[j]] = [cs[j], cs[i]];
      }
      return cs.join('');
    }),
    randBytes: nd(['int'], (n: GoInt) => randomBytes(Number(n.value)).toString('base64'), false, true),
  };
  const fixed: Array<[string, string[], boolean]> = [
    ['now', [], false], ['date', ['string', 'interface {}'], false], ['dateInZone', ['string', 'interface {}', 'string'], false],
    ['date_in_zone', ['string', 'interface {}', 'string'], false], ['dateModify', ['string', 'time.Time'], false],
    ['date_modify', ['string', 'time.Time'], false], ['mustDateModify', ['string', 'time.Time'], false],
    ['must_date_modify', ['string', 'time.Time'], false], ['ago', ['interface {}'], false], ['duration', ['interface {}'], false],
    ['durationRound', ['interface {}'], false], ['htmlDate', ['interface {}'], false], ['htmlDateInZone', ['interface {}', 'string'], false],
    ['toDate', ['string', 'string'], false], ['mustToDate', ['string', 'string'], false], ['unixEpoch', ['time.Time'], false],
    ['bcrypt', ['string'], false], ['htpasswd', ['string', 'string'], false], ['genPrivateKey', ['string'], false],
    ['derivePassword', ['uint32', 'string', 'string', 'string', 'string'], false], ['buildCustomCert', ['string', 'string'], false],
    ['genCA', ['string', 'int'], false], ['genCAWithKey', ['string', 'int', 'string'], false],
    ['genSelfSignedCert', ['string', '[]interface {}', '[]interface {}', 'int'], false],
    ['genSelfSignedCertWithKey', ['string', '[]interface {}', '[]interface {}', 'int', 'string'], false],
    ['genSignedCert', ['string', '[]interface {}', '[]interface {}', 'int', 'sprig.certificate'], false],
    ['genSignedCertWithKey', ['string', '[]interface {}', '[]interface {}', 'int', 'sprig.certificate', 'string'], false],
    ['encryptAES', ['string', 'string'], false], ['decryptAES', ['string', 'string'], false],
  ];
  for (const [name, params] of fixed) out[name] = nd(params, unavailable(name), false, true);
  return out;
}

/** getHostByName (notifications only: Argo CD removes it from the ApplicationSet map). */
export function getHostByName(): GoFunc {
  return nd(['string'], unavailable('getHostByName'));
}
