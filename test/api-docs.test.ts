/**
 * An "awslint-lite" over the public API (everything `src/index.ts` exports): the house rules of
 * aesthetics.md that a reviewer would otherwise have to remember.
 */
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..');

function publicDeclarations(): ts.Declaration[] {
  const program = ts.createProgram([path.join(ROOT, 'src', 'index.ts')], {
    module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(path.join(ROOT, 'src', 'index.ts'))!;
  const out: ts.Declaration[] = [];
  for (const exported of checker.getExportsOfModule(checker.getSymbolAtLocation(index)!)) {
    // eslint-disable-next-line no-bitwise
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    out.push(...(symbol.declarations ?? []));
  }
  return out;
}

describe('public API', () => {
  const declarations = publicDeclarations();
  const interfaces = declarations.filter(ts.isInterfaceDeclaration);
  const props = interfaces.flatMap((i) => i.members.filter(ts.isPropertySignature).map((m) => ({ owner: i.name.text, m })));

  test('exports the constructs, the engine and nothing of the L1 or the CLI', () => {
    const files = new Set(declarations.map((d) => path.relative(ROOT, d.getSourceFile().fileName)));
    expect([...files].filter((f) => f.startsWith('imports/') || f.startsWith('src/cli/'))).toEqual([]);
    const names = declarations.map((d) => (d as any).name?.getText()).filter(Boolean);
    expect(names).toEqual(expect.arrayContaining(['Application', 'AppProject', 'SyncWave', 'Hook', 'validateManifests', 'planSync', 'BuildEnvironment']));
  });

  test('every optional property documents its default (@default)', () => {
    const missing = props.filter(({ m }) => m.questionToken && !ts.getJSDocTags(m).some((t) => t.tagName.text === 'default'));
    expect(missing.map(({ owner, m }) => `${owner}.${m.name.getText()}`)).toEqual([]);
  });

  test('no TypeScript unions in public properties (jsii: use union-like classes)', () => {
    const unions = props.filter(({ m }) => m.type && ts.isUnionTypeNode(m.type));
    expect(unions.map(({ owner, m }) => `${owner}.${m.name.getText()}: ${m.type!.getText()}`)).toEqual([]);
  });

  test('every exported class and interface is documented', () => {
    const undocumented = declarations
      .filter((d) => ts.isClassDeclaration(d) || ts.isInterfaceDeclaration(d))
      .filter((d) => ts.getJSDocCommentsAndTags(d).length === 0)
      .map((d) => (d as ts.ClassDeclaration).name?.getText());
    expect(undocumented).toEqual([]);
  });
});
