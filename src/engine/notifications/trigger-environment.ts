/**
 * The variables Argo CD gives notification trigger expressions.
 *
 * Ported from argo-cd@v3.5.1 `util/notification/settings/settings.go` (`initGetVars`: `app`,
 * `context` with the legacy `notificationType`, `secrets` as the Secret's `[]byte` data,
 * `appProject` or an empty map), `util/notification/settings/legacy.go` (`injectLegacyVar`),
 * `util/notification/expression/expr.go` (`Spawn`: the `time`, `strings` and `repo` namespaces),
 * `expression/time/time.go`, `expression/strings/strings.go` and `expression/repo/repo.go`
 * (with chainguard-dev/git-urls@v1.0.2 `urls.go` for `Parse`). `sync.GetInfoItem`, documented
 * upstream, is not registered in v3.5.1: a reference to `sync` reads nil.
 */
import { fromJsonValue, GoDuration, GoFunc, GoPanic, GoTime, LAYOUTS, parseTime } from '../expr';

/** Plain JSON inputs of a trigger evaluation. */
export interface TriggerInputs {
  /** The Application, as the API returns it. */
  readonly app: unknown;
  /** The AppProject of the Application; absent when it cannot be read (an empty map then). */
  readonly appProject?: unknown;
  /** `context` from argocd-notifications-cm. */
  readonly context?: Readonly<Record<string, string>>;
  /** The argocd-notifications-secret data, decoded (strings). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** The destination's service type, injected into `context.notificationType`. */
  readonly notificationType?: string;
  /** The clock of `time.Now()` (default: the current time). */
  readonly now?: Date | string;
}

const SCP_SYNTAX = /^([a-zA-Z0-9-._~]+@)?([a-zA-Z0-9._-]+):([a-zA-Z0-9./._-]+)(?:\?||$)(.*)$/;
const TRANSPORTS = new Set(['ssh', 'git', 'git+ssh', 'http', 'https', 'ftp', 'ftps', 'rsync', 'file']);

interface GitUrl {
  scheme: string;
  user?: string;
  host: string;
  path: string;
  query: string;
  fragment: string;
}

/** Go's `url.Parse` for the URL shapes repositories use; undefined when it would fail. */
function parseUrl(raw: string): GitUrl | undefined {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(.*)$/.exec(raw);
  let scheme = '';
  let rest = raw;
  if (m) {
    scheme = m[1].toLowerCase();
    rest = m[2];
  } else if (/^[^/?#]*:/.test(raw)) {
    return undefined; // first path segment in URL cannot contain colon
  }
  let fragment = '';
  const hash = rest.indexOf('#');
  if (hash >= 0) {
    fragment = rest.slice(hash + 1);
    rest = rest.slice(0, hash);
  }
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) {
    query = rest.slice(q + 1);
    rest = rest.slice(0, q);
  }
  let user: string | undefined;
  let host = '';
  if (rest.startsWith('//')) {
    const authEnd = rest.slice(2).search(/\//);
    const authority = authEnd < 0 ? rest.slice(2) : rest.slice(2, 2 + authEnd);
    rest = authEnd < 0 ? '' : rest.slice(2 + authEnd);
    const at = authority.lastIndexOf('@');
    if (at >= 0) {
      user = authority.slice(0, at);
      host = authority.slice(at + 1);
    } else {
      host = authority;
    }
  }
  return { scheme, user, host, path: rest, query, fragment };
}

/** git-urls `Parse`: a transport URL, else scp-like `user@host:path`, else a local path. */
function parseGitUrl(raw: string): GitUrl {
  const transport = parseUrl(raw);
  if (transport !== undefined && TRANSPORTS.has(transport.scheme)) return transport;
  const m = SCP_SYNTAX.exec(raw);
  if (m) {
    const user = m[1] === undefined ? '' : m[1].replace(/@+$/, '');
    return { scheme: 'ssh', user: user === '' ? undefined : user, host: m[2], path: m[3], query: m[4] ?? '', fragment: '' };
  }
  return { scheme: 'file', host: '', path: raw, query: '', fragment: '' };
}

/** Go's `URL.String` for a parsed git URL. */
function urlString(u: GitUrl): string {
  let out = u.scheme === '' ? '' : `${u.scheme}:`;
  if (u.scheme !== '' || u.host !== '' || u.user !== undefined) {
    if (u.host !== '' || u.path !== '' || u.user !== undefined) out += '//';
    if (u.user !== undefined) out += `${u.user}@`;
    out += u.host;
  }
  if (u.path !== '' && !u.path.startsWith('/') && u.host !== '') out += '/';
  out += u.path;
  if (u.query !== '') out += `?${u.query}`;
  if (u.fragment !== '') out += `#${u.fragment}`;
  return out;
}

/** `repo.RepoURLToHTTPS`. */
export function repoURLToHTTPS(raw: string): string {
  const u = parseGitUrl(raw);
  return urlString({ ...u, scheme: 'https', user: undefined });
}

/** `repo.FullNameByRepoURL`: `owner/name` from a repository URL. */
export function fullNameByRepoURL(raw: string): string {
  const path = parseGitUrl(raw).path.replace(/\.git$/, '');
  const parts = path.split('/').filter((p) => p !== '');
  return parts.length >= 2 ? parts.slice(0, 2).join('/') : path;
}

/** Go's `url.QueryEscape`. */
export function queryEscape(s: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

function timeNamespace(now: GoTime): Map<string, unknown> {
  const ns = new Map<string, unknown>([
    ['Parse', new GoFunc('func(string) time.Time', ['string'], (s) => {
      try {
        return parseTime(LAYOUTS.RFC3339, s as string);
      } catch (e) {
        throw new GoPanic((e as Error).message);
      }
    })],
    ['Now', new GoFunc('func() time.Time', [], () => now)],
    ['Nanosecond', new GoDuration(1n)],
    ['Microsecond', new GoDuration(1000n)],
    ['Millisecond', new GoDuration(1_000_000n)],
    ['Second', new GoDuration(1_000_000_000n)],
    ['Minute', new GoDuration(60_000_000_000n)],
    ['Hour', new GoDuration(3_600_000_000_000n)],
  ]);
  for (const [name, layout] of Object.entries(LAYOUTS)) ns.set(name, layout);
  return ns;
}

function stringsNamespace(): Map<string, unknown> {
  return new Map<string, unknown>([
    ['ReplaceAll', new GoFunc('func(string, string, string) string', ['string', 'string', 'string'], (s, o, n) => (s as string).split(o as string).join(n as string))],
    ['ToUpper', new GoFunc('func(string) string', ['string'], (s) => (s as string).toUpperCase())],
    ['ToLower', new GoFunc('func(string) string', ['string'], (s) => (s as string).toLowerCase())],
  ]);
}

function repoNamespace(): Map<string, unknown> {
  const offline = (name: string): never => {
    throw new GoPanic(`repo.${name} needs the Argo CD API server (repo-server), which offline evaluation does not have`);
  };
  return new Map<string, unknown>([
    ['RepoURLToHTTPS', new GoFunc('func(string) string', ['string'], (s) => repoURLToHTTPS(s as string))],
    ['FullNameByRepoURL', new GoFunc('func(string) string', ['string'], (s) => fullNameByRepoURL(s as string))],
    ['QueryEscape', new GoFunc('func(string) string', ['string'], (s) => queryEscape(s as string))],
    ['GetCommitMetadata', new GoFunc('func(string) interface {}', ['string'], () => offline('GetCommitMetadata'))],
    ['GetAppDetails', new GoFunc('func() interface {}', [], () => offline('GetAppDetails'))],
  ]);
}

/** Builds the expression variables of a trigger evaluation, as Argo CD's `GetVars` and `Spawn` do. */
export function triggerEnvironment(inputs: TriggerInputs): Map<string, unknown> {
  const now = inputs.now === undefined ? GoTime.fromDate(new Date())
    : typeof inputs.now === 'string' ? parseTime(LAYOUTS.RFC3339Nano, inputs.now) : GoTime.fromDate(inputs.now);
  const context = new Map<string, unknown>([['notificationType', inputs.notificationType ?? '']]);
  for (const [k, v] of Object.entries(inputs.context ?? {})) context.set(k, v);
  const secrets = new Map<string, unknown>();
  for (const [k, v] of Object.entries(inputs.secrets ?? {})) secrets.set(k, new Uint8Array(Buffer.from(v, 'utf8')));
  return new Map<string, unknown>([
    ['app', fromJsonValue(inputs.app)],
    ['context', context],
    ['secrets', secrets],
    ['appProject', inputs.appProject === undefined ? new Map() : fromJsonValue(inputs.appProject)],
    ['time', timeNamespace(now)],
    ['strings', stringsNamespace()],
    ['repo', repoNamespace()],
  ]);
}
