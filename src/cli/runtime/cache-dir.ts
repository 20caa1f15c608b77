import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A cache directory of the CLI: `setting` (an environment variable's value) when given, else
 * `$TMPDIR/cdk8s-argocd-<name>-<uid>` (in the CMP sidecar: the sidecar's own /tmp, so renders after
 * the first reuse it). `off` disables the cache. A directory not owned by this user, or not private
 * to it, is never used: what it holds is run as code.
 */
export function privateCacheDir(setting: string | undefined, name: string): string | undefined {
  if (setting === 'off') return undefined;
  const dir = setting || path.join(os.tmpdir(), `cdk8s-argocd-${name}-${process.getuid?.() ?? 'user'}`);
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.statSync(dir);
    if (process.getuid && (stat.uid !== process.getuid() || stat.mode % 0o100 !== 0)) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}
