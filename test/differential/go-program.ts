/**
 * Builds and runs the small Go programs of test/differential/ against the real Go libraries that
 * Argo CD uses, as Debian packages them (GOPATH mode: GO111MODULE=off GOPATH=/usr/share/gocode).
 *
 * A program reads one JSON value per line on stdin and writes one JSON value per line on stdout,
 * in the same order, so thousands of generated cases cost one process start. `npm run
 * test:differential` sets the Go environment; .ci/run installs Go and the libraries first.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const GO_ENV = {
  ...process.env,
  GO111MODULE: 'off',
  GOPATH: process.env.GOPATH ?? '/usr/share/gocode',
  GOCACHE: process.env.GOCACHE ?? join(tmpdir(), 'cdk8s-argocd-go-cache'),
  GOFLAGS: '',
};

export class GoProgram {
  /**
   * Compiles `test/differential/<name>/main.go`, with the shared `shared/*.go` beside it (the
   * JSON-lines loop, `serveLines`), into a temporary binary. `gopath` builds against another GOPATH
   * (e.g. a library at Argo CD's own pin), `rewrite` edits main.go first (e.g. its import path
   * there). Fails (it does not skip) when Go or a library is missing: the differential suite exists
   * to run against them.
   */
  public static build(name: string, options: { gopath?: string; rewrite?: (source: string) => string } = {}): GoProgram {
    const source = join(__dirname, name, 'main.go');
    const dir = mkdtempSync(join(tmpdir(), `diff-${name}-`));
    const binary = join(dir, name);
    const shared = readdirSync(join(__dirname, 'shared')).filter((f) => f.endsWith('.go'));
    for (const f of shared) copyFileSync(join(__dirname, 'shared', f), join(dir, f));
    writeFileSync(join(dir, 'main.go'), (options.rewrite ?? ((s: string) => s))(readFileSync(source, 'utf-8')));
    const env = options.gopath === undefined ? GO_ENV : { ...GO_ENV, GOPATH: options.gopath, GOFLAGS: '' };
    try {
      execFileSync('go', ['build', '-o', binary, ...['main.go', ...shared].map((f) => join(dir, f))], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new Error(`cannot build ${source} (install golang-go and the golang-github-*-dev packages, see .ci/run): ${err.stderr?.toString() ?? err.message}`);
    }
    return new GoProgram(binary);
  }

  private constructor(private readonly binary: string) {}

  /** Sends one JSON line per input and returns the program's answer for each, in order. */
  public run<I, O>(inputs: readonly I[]): O[] {
    const stdin = inputs.map((i) => JSON.stringify(i)).join('\n') + '\n';
    const out = spawnSync(this.binary, [], { input: stdin, maxBuffer: 1024 * 1024 * 1024, env: GO_ENV });
    if (out.status !== 0) {
      throw new Error(`${this.binary} exited ${out.status}: ${out.stderr.toString()}`);
    }
    const lines = out.stdout.toString().split('\n').filter((l) => l !== '');
    if (lines.length !== inputs.length) {
      throw new Error(`${this.binary} answered ${lines.length} lines for ${inputs.length} inputs: ${out.stderr.toString()}`);
    }
    return lines.map((l) => JSON.parse(l) as O);
  }
}
