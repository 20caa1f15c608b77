/**
 * API.md, the API reference at the repository root, generated from the doc comments of everything
 * src/index.ts exports (TypeDoc with typedoc-plugin-markdown, both pinned devDependencies; offline).
 *
 *   ts-node --transpile-only projenrc/docgen.ts            write API.md           (`npm run docgen`)
 *   ts-node --transpile-only projenrc/docgen.ts --check    fail if API.md is stale (`npm test`)
 *
 * `--api-md FILE` compares with / writes another file (the test of the check uses it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

const HEADER = [
  '# API Reference',
  '',
  '<!-- Generated from the doc comments of src/index.ts by `npm run docgen` (projenrc/docgen.ts); do not edit. -->',
  '',
].join('\n');

/** Renders the API reference as markdown (nothing in the repository is written). */
export function renderApiMarkdown(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-argocd-docgen-'));
  try {
    const typedoc = path.join(ROOT, 'node_modules', 'typedoc', 'bin', 'typedoc');
    const r = spawnSync(process.execPath, [
      typedoc,
      '--plugin', 'typedoc-plugin-markdown',
      '--entryPoints', 'src/index.ts',
      '--tsconfig', 'tsconfig.json',
      '--out', out,
      // One file for the one entry point, as cdk8s-plus ships its API.md.
      '--router', 'module',
      '--entryFileName', 'API.md',
      '--readme', 'none',
      // No links into the source tree (they would name a commit) and no run-specific text.
      '--disableSources',
      '--hidePageHeader',
      '--hideBreadcrumbs',
      '--excludePrivate',
      '--excludeProtected',
      '--excludeInternal',
      // `npm run compile` type-checks; the imported L1 classes carry cdk8s's own @schema tags.
      '--skipErrorChecking',
      '--logLevel', 'Error',
    ], { cwd: ROOT, encoding: 'utf-8' });
    if (r.status !== 0) {
      throw new Error(`typedoc failed (exit ${r.status}):\n${r.stdout}${r.stderr}`);
    }
    const generated = fs.readFileSync(path.join(out, 'API.md'), 'utf-8');
    // TypeDoc titles the page with the package name; the file is the API reference.
    const body = generated.replace(/^# [^\n]*\n+/, '');
    return `${HEADER}\n${body.trimEnd()}\n`;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function main(args: string[]): number {
  const check = args.includes('--check');
  const at = args.indexOf('--api-md');
  const file = at >= 0 ? path.resolve(args[at + 1]) : path.join(ROOT, 'API.md');
  const fresh = renderApiMarkdown();
  if (check) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf-8') : undefined;
    if (current !== fresh) {
      const first = current === undefined ? 0 : firstDifference(current, fresh);
      process.stderr.write(`error: API.md is stale: run npm run docgen (and commit API.md)${current === undefined ? `; ${file} does not exist` : `; first difference at line ${first}`}\n`);
      return 1;
    }
    process.stderr.write('API.md is up to date\n');
    return 0;
  }
  fs.writeFileSync(file, fresh);
  process.stderr.write(`wrote ${path.relative(process.cwd(), file) || file}\n`);
  return 0;
}

function firstDifference(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  return i + 1;
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
