/**
 * The README's TypeScript examples compile against the library, so a snippet that no longer
 * type-checks fails CI. Each ```ts block is compiled on its own: its import lines stay at the top
 * of a module, the rest becomes the body of a function (so snippets may use `this` as a chart,
 * as in a construct's constructor). Names a snippet uses without defining them (`chart`,
 * `database`, `FLEET_REPO` …) are the reader's own; only "cannot find name" is forgiven, every
 * other diagnostic (a misspelt prop, a wrong type, a missing member, a syntax error) fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');

interface Snippet { readonly line: number; readonly code: string }

function snippets(): Snippet[] {
  const out: Snippet[] = [];
  const re = /^```ts\n([\s\S]*?)^```/gm;
  for (let m = re.exec(README); m; m = re.exec(README)) {
    out.push({ line: README.slice(0, m.index).split('\n').length, code: m[1] });
  }
  return out;
}

/** What a snippet may use without importing it: the package's exports and the usual cdk8s names. */
const PRELUDE: Array<{ from: string; names: string[] }> = [
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  { from: 'cdk8s-argocd', names: Object.keys(require('../src')) },
  { from: 'cdk8s', names: ['ApiObject', 'App', 'Chart', 'Duration', 'JsonPatch', 'Lazy', 'Testing', 'YamlOutputType'] },
  { from: 'constructs', names: ['Construct'] },
];

/** A module for one snippet: imports on top (its own, then the prelude's for names it did not import), the rest inside a function. */
function moduleOf(code: string): string {
  const lines = code.split('\n');
  const imports: string[] = [];
  const body: string[] = [];
  let inImport = false;
  for (const line of lines) {
    if (inImport || /^import\b/.test(line)) {
      imports.push(line);
      inImport = !/;\s*(\/\/.*)?$/.test(line);
    } else {
      body.push(line);
    }
  }
  const imported = new Set((imports.join(' ').match(/[A-Za-z_$][\w$]*/g) ?? []));
  const prelude = PRELUDE.map(({ from, names }) => {
    const missing = names.filter((n) => !imported.has(n));
    return missing.length ? `import { ${missing.join(', ')} } from '${from}';` : '';
  });
  if (!imported.has('kplus')) prelude.push("import * as kplus from 'cdk8s-plus-30';");
  return `${imports.join('\n')}\n${prelude.join('\n')}\nexport {};\nexport function snippet(this: any): void {\n${body.join('\n')}\n}\n`;
}

/** "Cannot find name", "cannot find shorthand property", "implicitly any": the reader's own context. */
const FORGIVEN = new Set([2304, 18004, 2552, 7005, 7006, 7034, 6133, 6192]);

describe('README examples', () => {
  const blocks = snippets();

  test('there are TypeScript examples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  test('every ```ts example compiles against the library', () => {
    const files = new Map<string, string>();
    blocks.forEach((b, i) => files.set(path.join(ROOT, 'test', `.readme-snippet-${i}.ts`), moduleOf(b.code)));
    const options: ts.CompilerOptions = {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      esModuleInterop: true,
      types: ['node'],
      baseUrl: ROOT,
      paths: { 'cdk8s-argocd': ['./src'] },
    };
    const host = ts.createCompilerHost(options);
    const readFile = host.readFile.bind(host);
    const fileExists = host.fileExists.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (f) => files.get(f) ?? readFile(f);
    host.fileExists = (f) => files.has(f) || fileExists(f);
    host.getSourceFile = (f, v, onError) => (files.has(f) ? ts.createSourceFile(f, files.get(f)!, v) : getSourceFile(f, v, onError));
    const program = ts.createProgram([...files.keys()], options, host);
    const problems: string[] = [];
    for (const d of ts.getPreEmitDiagnostics(program)) {
      if (!d.file || !files.has(d.file.fileName) || FORGIVEN.has(d.code)) continue;
      const index = Number(/readme-snippet-(\d+)/.exec(d.file.fileName)![1]);
      const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
      // line - 1 for the `export {}` line and the function line after the imports
      problems.push(`README.md snippet at line ${blocks[index].line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')} [TS${d.code}] (in: ${d.file.text.split('\n')[line]?.trim()})`);
    }
    expect(problems).toEqual([]);
  });
});
