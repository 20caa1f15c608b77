import * as fs from 'fs';
import * as path from 'path';
import { Command } from 'commander';
import { InputError, UsageError } from '../runtime/errors';
import { ownPackageRoot } from '../runtime/typescript-loader';

export interface InitOptions {
  readonly force?: boolean;
  readonly name?: string;
}

/** The marker file the plugin's discovery looks for (`plugin --marker` default). */
export const PLUGIN_MARKER = '.cdk8s-argocd';

/** The development tools a new project gets, at the versions this package is built and tested with. */
const DEV_TOOLS = ['typescript', 'ts-node', 'jest', 'ts-jest', '@types/jest', '@types/node'];

/** What a new project depends on: this package at its own version, its peers and tools at the versions it was built against. */
export function projectVersions(pkg: any): { dependencies: { [name: string]: string }; devDependencies: { [name: string]: string } } {
  const dev = pkg.devDependencies ?? {};
  const pinned = (name: string): string => {
    const v = dev[name];
    if (typeof v !== 'string') throw new Error(`the package.json of cdk8s-argocd has no devDependency ${name}`);
    // The exact version the library is tested with, as the lowest one allowed.
    return /^\d/.test(v) ? `^${v}` : v;
  };
  return {
    dependencies: { 'cdk8s-argocd': pkg.version, 'cdk8s': pinned('cdk8s'), 'constructs': pinned('constructs') },
    devDependencies: Object.fromEntries(DEV_TOOLS.map((name) => [name, typeof dev[name] === 'string' ? dev[name] : pinned(name)])),
  };
}

/** The files of a new project named `name` (an npm package name and the AppProject's name). */
export function projectFiles(name: string, pkg: any): { [file: string]: string } {
  const versions = projectVersions(pkg);
  return {
    'package.json': `${JSON.stringify({
      name,
      version: '0.1.0',
      private: true,
      scripts: {
        synth: 'cdk8s-argocd synth',
        test: 'jest',
        typecheck: 'tsc --noEmit',
      },
      ...versions,
      jest: {
        testEnvironment: 'node',
        testMatch: ['<rootDir>/**/*.test.ts'],
        testPathIgnorePatterns: ['/node_modules/', '/dist/'],
        transform: { '^.+\\.ts$': 'ts-jest' },
      },
    }, undefined, 2)}\n`,
    'tsconfig.json': `${JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'node16',
        moduleResolution: 'node16',
        lib: ['es2022'],
        strict: true,
        noEmit: true,
        esModuleInterop: true,
        skipLibCheck: true,
        types: ['node', 'jest'],
      },
      include: ['**/*.ts'],
      exclude: ['node_modules', 'dist'],
    }, undefined, 2)}\n`,
    'cdk8s.yaml': [
      '# `cdk8s synth` runs the app with ts-node; `cdk8s-argocd synth` (and the Argo CD plugin) run main.ts directly.',
      'language: typescript',
      'app: npx ts-node main.ts',
      '',
    ].join('\n'),
    'chart.ts': [
      "import { Chart, ChartProps } from 'cdk8s';",
      "import { Application, ApplicationSource, AppProject, Destination, SyncOption } from 'cdk8s-argocd';",
      "import { Construct } from 'constructs';",
      '',
      '/** The Argo CD objects of this repository: an AppProject, and an Application it permits. */',
      'export class ArgoCdChart extends Chart {',
      '  constructor(scope: Construct, id: string, props: ChartProps = {}) {',
      "    super(scope, id, { namespace: 'argocd', ...props });",
      '',
      "    const project = new AppProject(this, 'project', {",
      `      name: '${name}',`,
      "      description: 'Applications of this repository',",
      "      sourceRepos: ['https://github.com/argoproj/argocd-example-apps.git'],",
      "      destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'guestbook' }],",
      '    });',
      '',
      "    new Application(this, 'guestbook', {",
      "      name: 'guestbook',",
      '      project,',
      '      source: ApplicationSource.git({',
      "        repoURL: 'https://github.com/argoproj/argocd-example-apps.git',",
      "        path: 'guestbook',",
      "        targetRevision: 'HEAD',",
      '      }),',
      "      destination: Destination.inCluster('guestbook'),",
      '      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: [SyncOption.CREATE_NAMESPACE] },',
      '    });',
      '  }',
      '}',
      '',
    ].join('\n'),
    'main.ts': [
      "import { App } from 'cdk8s';",
      "import { ArgoCdChart } from './chart';",
      '',
      'const app = new App();',
      "new ArgoCdChart(app, 'argocd');",
      'app.synth();',
      '',
    ].join('\n'),
    'main.test.ts': [
      "import { Testing } from 'cdk8s';",
      "import { ArgoCdChart } from './chart';",
      '',
      "describe('ArgoCdChart', () => {",
      "  test('renders the AppProject and the Application it permits', () => {",
      "    const objects = Testing.synth(new ArgoCdChart(Testing.app(), 'argocd'));",
      '    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`).sort())',
      `      .toEqual(['AppProject/${name}', 'Application/guestbook'].sort());`,
      "    const application = objects.find((o) => o.kind === 'Application');",
      `    expect(application.spec.project).toBe('${name}');`,
      "    expect(application.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'guestbook' });",
      "    expect(application.spec.syncPolicy.syncOptions).toEqual(['CreateNamespace=true']);",
      '  });',
      '});',
      '',
    ].join('\n'),
    [PLUGIN_MARKER]: '# The cdk8s-argocd Config Management Plugin renders this directory: its discovery looks for this file.\n',
    '.gitignore': ['node_modules/', 'coverage/', '*.tsbuildinfo', ''].join('\n'),
  };
}

/** A project name from a directory name: lower case, letters, digits and '-'. */
export function defaultProjectName(dir: string): string {
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return name === '' ? 'argocd-apps' : name;
}

/** Writes a new project into `dir`; returns the files written. Never overwrites without `force`. */
export function init(dir: string, options: InitOptions): string[] {
  const name = options.name ?? defaultProjectName(dir);
  if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(name)) {
    throw new UsageError(`--name ${name}: use lower-case letters, digits and '-' (at most 63; it names the npm package and the AppProject), e.g. --name platform-apps`);
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(ownPackageRoot(), 'package.json'), 'utf-8'));
  const files = projectFiles(name, pkg);
  fs.mkdirSync(dir, { recursive: true });
  const present = fs.readdirSync(dir).filter((f) => f !== '.git').sort();
  if (present.length > 0 && !options.force) {
    const clashes = Object.keys(files).filter((f) => present.includes(f));
    throw new InputError(`${dir} is not empty (${present.join(', ')}): run init in an empty directory, or pass --force to write the project files`
      + (clashes.length > 0 ? ` (overwriting ${clashes.join(', ')})` : '') + '; other files are left alone');
  }
  for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
  return Object.keys(files);
}

export function initCommand(): Command {
  return new Command('init')
    .description('write a new cdk8s-argocd project into the current directory: an app with an AppProject and an Application, a test, cdk8s.yaml, the plugin marker')
    .option('--name <name>', 'the npm package and AppProject name (default: the directory name)')
    .option('--force', 'write into a directory that is not empty, overwriting the files init writes', false)
    .addHelpText('after', [
      '',
      'Examples:',
      '  $ mkdir platform-apps && cd platform-apps && cdk8s-argocd init',
      '  $ cdk8s-argocd init --name platform-apps --force   # into an existing repository',
      '',
      'Then: npm install, npx cdk8s-argocd synth (or cdk8s synth), npm test.',
    ].join('\n'))
    .action((options: InitOptions) => {
      const written = init(process.cwd(), options);
      for (const file of written) process.stderr.write(`  wrote ${file}\n`);
      process.stderr.write([
        '',
        'next:',
        '  npm install              # cdk8s-argocd, cdk8s, constructs and the test tools',
        '  npx cdk8s-argocd synth   # validated manifests in dist/ (plain `cdk8s synth` works too)',
        '  npm test                 # the chart\'s unit test (Testing.synth)',
        '',
      ].join('\n'));
    });
}
