import * as fs from 'fs';
import * as path from 'path';
import { InputError } from './errors';

/** The outcome of a type-check pass. */
export interface TypecheckResult {
  /** `file:line:column: error: message [TS1234]` lines, errors and warnings. */
  readonly lines: string[];
  readonly errors: number;
  /** Where the incremental state was kept. */
  readonly buildInfoFile: string;
}

/** The TypeScript compiler API, as far as this module uses it. */
type TypeScript = typeof import('typescript');

/** The user's TypeScript, resolved from their project (never the CLI's own copy). */
function loadTypeScript(projectDir: string): TypeScript {
  let resolved: string;
  try {
    resolved = require.resolve('typescript', { paths: [projectDir] });
  } catch {
    throw new InputError(`install typescript to use --typecheck: no typescript package is reachable from ${projectDir}; run npm install --save-dev typescript (or drop --typecheck)`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ts = require(resolved) as TypeScript;
  // TypeScript 7 (the native port, typescript@latest since its release) has no compiler API of
  // this shape: no `sys`, no `createIncrementalProgram`.
  if (typeof ts?.sys?.fileExists !== 'function' || typeof ts.createIncrementalProgram !== 'function') {
    const version = typeof ts?.version === 'string' ? `${ts.version} ` : '';
    throw new InputError(`--typecheck runs the TypeScript compiler API, which the typescript ${version}installed in ${projectDir} does not have `
      + '(TypeScript 7 ships a native compiler without it): install typescript@~6.0 as a dev dependency (cdk8s-argocd init pins it), '
      + 'or type-check with your own tsc and drop --typecheck');
  }
  return ts;
}

/** Options when the project has no tsconfig.json: strict, like `cdk8s init` projects. */
const DEFAULT_OPTIONS = {
  strict: true,
  target: 'ES2022',
  module: 'node16',
  moduleResolution: 'node16',
  esModuleInterop: true,
  skipLibCheck: true,
  resolveJsonModule: true,
  types: ['node'],
};

/**
 * Runs the TypeScript checker over the app entries the way `tsc --noEmit --incremental` would:
 * with the project's tsconfig.json when there is one (its files and options; the entries are
 * added to its root files), else strict defaults over the entries. The incremental state is kept
 * in `<cacheDir>/typecheck.tsbuildinfo`, so a second run after a small change re-checks only what
 * changed.
 */
export function typecheck(entries: string[], projectDir: string, cacheDir: string): TypecheckResult {
  const ts = loadTypeScript(projectDir);
  const configFile = ts.findConfigFile(projectDir, ts.sys.fileExists, 'tsconfig.json');
  let rootNames = entries.map((e) => path.resolve(projectDir, e));
  let options: import('typescript').CompilerOptions;
  const configErrors: import('typescript').Diagnostic[] = [];
  if (configFile !== undefined) {
    const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => configErrors.push(d),
    });
    if (parsed === undefined) {
      throw new InputError(`${path.relative(process.cwd(), configFile) || configFile}: cannot read it: ${configErrors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ')}`);
    }
    configErrors.push(...parsed.errors.filter((d) => d.code !== 18003 /* no inputs found: the entries are the inputs */));
    options = parsed.options;
    rootNames = [...new Set([...parsed.fileNames, ...rootNames])];
  } else {
    options = ts.convertCompilerOptionsFromJson(DEFAULT_OPTIONS, projectDir).options;
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  const buildInfoFile = path.join(cacheDir, 'typecheck.tsbuildinfo');
  options = { ...options, noEmit: true, incremental: true, tsBuildInfoFile: buildInfoFile, composite: false, declaration: false };
  const host = ts.createIncrementalCompilerHost(options);
  const program = ts.createIncrementalProgram({ rootNames, options, host });
  const diagnostics = [
    ...configErrors,
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics(),
  ];
  // With noEmit, emit() writes only the .tsbuildinfo (the incremental state).
  program.emit();
  const lines = diagnostics.map((d) => formatDiagnostic(ts, d));
  return { lines, errors: diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length, buildInfoFile };
}

/** `file:line:column: error: message [TS2322]`, paths relative to the working directory. */
function formatDiagnostic(ts: TypeScript, d: import('typescript').Diagnostic): string {
  const severity = d.category === ts.DiagnosticCategory.Error ? 'error' : d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'info';
  const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
  let where = '';
  if (d.file !== undefined && d.start !== undefined) {
    const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
    where = `${path.relative(process.cwd(), d.file.fileName) || d.file.fileName}:${line + 1}:${character + 1}: `;
  }
  return `${where}${severity}: ${message} [TS${d.code}]`;
}
