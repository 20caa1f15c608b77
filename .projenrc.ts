import { JsonFile, javascript, typescript } from 'projen';

// The pinned Argo CD version whose CRDs are vendored in imports/crds/.
const ARGOCD_VERSION = 'v3.5.1';
const CRD_DIR = `imports/crds/argo-cd-${ARGOCD_VERSION}`;

const project = new typescript.TypeScriptProject({
  name: 'cdk8s-argocd',
  description: 'Argo CD as typed cdk8s constructs, with Argo CD semantics checked before commit, and a Config Management Plugin CLI',
  keywords: ['argocd', 'argo-cd', 'cdk8s', 'gitops', 'kubernetes', 'config-management-plugin'],
  license: 'Apache-2.0',
  authorName: 'cdk8s-argocd maintainers',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  github: false,
  release: false,
  depsUpgrade: false,
  pullRequestTemplate: false,
  sampleCode: false,
  minNodeVersion: '20.0.0',
  // dist/ holds the rendered manifests of apps/ (committed); package artifacts go elsewhere.
  artifactsDirectory: 'artifacts',
  entrypoint: 'lib/src/index.js',
  entrypointTypes: 'lib/src/index.d.ts',

  // Runtime dependencies are pinned: they run inside argocd-repo-server and must behave the same everywhere.
  deps: [
    'ajv@8.20.0',
    'ajv-formats@3.0.1',
    'commander@14.0.3',
    'esbuild@0.28.2',
    're2js@2.10.0',
    'yaml@2.9.1',
  ],
  peerDeps: [
    'cdk8s@^2.70.106',
    'constructs@^10.8.1',
    'cdk8s-plus-30@^2.4.10',
  ],
  devDeps: [
    // TypeScript 7 has no compiler API (ts-jest, ts-node and typescript-eslint break): stay on 6.0.x.
    'typescript@~6.0.3',
    '@types/node@^20',
    'cdk8s-cli@2.207.60',
    'fast-check@4.10.2',
    // API.md is generated from the doc comments (the `docgen` task); pinned so that it is reproducible.
    'typedoc@0.28.20',
    'typedoc-plugin-markdown@4.14.1',
  ],

  tsconfig: {
    include: ['src/**/*.ts', 'imports/**/*.ts'],
    compilerOptions: {
      rootDir: '.',
      outDir: 'lib',
      module: 'node16',
      moduleResolution: javascript.TypeScriptModuleResolution.NODE16,
      target: 'ES2022',
      lib: ['es2022'],
      inlineSourceMap: false,
      inlineSources: false,
      sourceMap: false,
      skipLibCheck: true,
      // apps/ and test fixtures import the library the way users do; type-check them against src/.
      paths: { 'cdk8s-argocd': ['./src'] },
    },
  },
  tsconfigDev: {
    compilerOptions: {
      // ts-jest transpiles file by file: no type-check pass during tests (`npm run compile` type-checks).
      isolatedModules: true,
      module: 'node16',
      moduleResolution: javascript.TypeScriptModuleResolution.NODE16,
      target: 'ES2022',
      lib: ['es2022'],
      skipLibCheck: true,
    },
  },

  eslintOptions: {
    // `npm test` reports, it does not rewrite files: `npm run lint:fix` fixes.
    commandOptions: { fix: false },
    dirs: ['src'],
    devdirs: ['test', 'apps', 'bench'],
    ignorePatterns: ['imports/**', 'lib/**', 'dist/**', '*.js', '*.d.ts', 'node_modules/**'],
  },

  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coveragePathIgnorePatterns: ['/node_modules/', '/imports/', '/test/'],
      testTimeout: 60_000,
      maxWorkers: 2,
    },
  },
});

// Layers only import downwards (DESIGN.md): cli → public API and engine; constructs → engine;
// engine → nothing above it; inside the engine, core ← argo ← {validation, plan, template, expr, …}
// with validation and plan independent. `import/no-cycle` cannot see a folder-level cycle, the zones can.
const CONSTRUCT_FOLDERS = ['application', 'project', 'annotations', 'application-set', 'notifications', 'change-hooks', 'config', 'cmp', 'private'];
project.eslint?.addRules({
  'import/no-cycle': ['error'],
  'import/no-restricted-paths': ['error', {
    zones: [
      { target: './src/engine', from: ['./src/cli', './src/index.ts', ...CONSTRUCT_FOLDERS.map((f) => `./src/${f}`)], message: 'the engine takes plain JSON and imports nothing above it' },
      { target: './src/engine/core', from: ['./src/engine/argo', './src/engine/validation', './src/engine/plan', './src/engine/template', './src/engine/expr', './src/engine/appset', './src/engine/notifications'], message: 'engine/core is the bottom layer' },
      { target: './src/engine/argo', from: ['./src/engine/validation', './src/engine/plan', './src/engine/appset', './src/engine/notifications'], message: 'engine/argo holds facts and predicates; rules and plans build on it' },
      { target: './src/engine/plan', from: './src/engine/validation', message: 'plan and validation share what they share through engine/core and engine/argo' },
      { target: './src/engine/validation', from: './src/engine/plan', message: 'plan and validation share what they share through engine/core and engine/argo' },
      { target: CONSTRUCT_FOLDERS.map((f) => `./src/${f}`), from: ['./src/cli', './src/index.ts'], message: 'constructs do not depend on the CLI or the package index' },
      { target: './src/cli', from: './src/private', message: 'the CLI uses the public API and the engine, not construct internals' },
    ],
  }],
});
// cdk8s-plus-30 is for apps (and this repository's tests and reference apps): nothing in src/ imports it.
// Optional, so that a project on another cdk8s-plus (`cdk8s init` installs a newer one) gets no peer warning.
project.package.addField('peerDependenciesMeta', { 'cdk8s-plus-30': { optional: true } });
project.addTask('lint:fix', {
  description: 'Run eslint and fix what it can (the eslint task that `npm test` runs only reports)',
  steps: [{ spawn: 'eslint', args: ['--fix'] }],
});
// `npm pack` / `npm publish` package what the sources compile to now, not whatever lib/ holds.
project.package.setScript('prepack', 'projen compile && projen post-compile');

// apps/ is type-checked (and linted) as its own project, against src/ through the `paths` mapping.
new JsonFile(project, 'apps/tsconfig.json', {
  obj: {
    extends: '../tsconfig.json',
    compilerOptions: { noEmit: true, rootDir: '..' },
    include: ['**/*.ts'],
  },
});
project.testTask.prependExec('tsc -p apps/tsconfig.json', { name: 'type-check the reference apps' });

// --- L1: `cdk8s import` of the vendored CRDs, one module per CRD, offline --------------------------
// One module per CRD, so that the Application path never loads the 3.3 MB ApplicationSet classes.
const importTask = project.addTask('import', {
  description: `Regenerate the L1 classes in imports/ from the vendored Argo CD ${ARGOCD_VERSION} CRDs (offline)`,
  env: { CDK8S_CHECK_UPGRADE: 'false' },
});
for (const [module, file] of [
  ['application', 'application-crd.yaml'],
  ['applicationset', 'applicationset-crd.yaml'],
  ['appproject', 'appproject-crd.yaml'],
]) {
  importTask.exec(`cdk8s import --no-save --check-upgrade=false -l typescript -o imports ${module}:=${CRD_DIR}/${file}`);
}
// The generated toJson_ functions drop undefined values without a new object per key (projenrc/rewrite-l1.ts).
importTask.exec('ts-node --transpile-only projenrc/rewrite-l1.ts imports/application-argoproj.io.ts imports/applicationset-argoproj.io.ts imports/appproject-argoproj.io.ts');
importTask.spawn(project.addTask('import:validators', {
  description: 'Regenerate the ahead-of-time compiled schema validators in imports/validators/ from the vendored CRDs',
  exec: `ts-node --transpile-only projenrc/generate-validators.ts ${CRD_DIR} imports/validators`,
}));

// The standalone validators are plain JS: ship them next to the compiled library.
project.postCompileTask.exec('mkdir -p lib/imports/validators && cp imports/validators/*.js imports/validators/*.json lib/imports/validators/');
// The public API loads each module on first use (projenrc/lazy-index.ts).
project.postCompileTask.exec('ts-node --transpile-only projenrc/lazy-index.ts lib/src/index.js');

// `npm test` builds, lints and tests: the CLI tests run the compiled binary.
project.testTask.prependSpawn(project.postCompileTask);
project.testTask.prependSpawn(project.compileTask);

// --- Differential tests against the real Go libraries (Debian's golang-* packages) ----------------
// Kept out of `npm test` (which must run without Go); .ci/run installs the packages and runs this task.
new JsonFile(project, 'test/differential/jest.config.json', {
  obj: {
    rootDir: '../..',
    testMatch: ['<rootDir>/test/differential/**/*.differential.ts'],
    testTimeout: 600_000,
    maxWorkers: 1,
    transform: { '^.+\\.[t]sx?$': ['ts-jest', { tsconfig: 'test/tsconfig.json' }] },
  },
});
project.addTask('test:differential', {
  description: 'Compare our ports of gobwas/glob, text/template + Sprig, fasttemplate and expr with the real Go libraries (needs Go and the Debian packages; see .ci/run)',
  env: { GO111MODULE: 'off', GOPATH: '/usr/share/gocode' },
  exec: 'jest --config test/differential/jest.config.json --ci',
  receiveArgs: true,
});

// --- API reference: API.md at the repository root, from the doc comments of the public API ---------
project.addTask('docgen', {
  description: 'Generate API.md from the doc comments of the public API (src/index.ts)',
  exec: 'ts-node --transpile-only projenrc/docgen.ts',
});
// `npm test` fails when API.md is not what the doc comments generate now (nothing is written).
project.testTask.spawn(project.addTask('docgen:check', {
  description: 'Fail when API.md is stale (run `npm run docgen`)',
  exec: 'ts-node --transpile-only projenrc/docgen.ts --check',
}));

// --- Reference apps, benchmarks -------------------------------------------------------------------
project.addTask('synth', {
  description: 'Render the reference apps in apps/ into dist/ (validated)',
  steps: [
    { spawn: 'compile' },
    { spawn: 'post-compile' },
    { exec: 'node bin/cdk8s-argocd synth' },
  ],
});
project.addTask('bench', {
  description: 'Run the benchmarks in bench/ against the peers and print ratios',
  steps: [
    { spawn: 'compile' },
    { spawn: 'post-compile' },
    { exec: 'node bench/run.js' },
  ],
});

project.gitignore.removePatterns('/dist/');
project.gitignore.exclude('/artifacts/', '/.bench/', '/coverage/', '/test-reports/');
project.npmignore?.exclude('/apps/', '/bench/', '/.bench/', '/dist/', '/imports/crds/', '/imports/*.ts', '/imports/validators/', '/cdk8s.yaml', '/projenrc/', '/scripts/', '/.ci/', '/.notes/', '/artifacts/', '/coverage/', '/test-reports/');
project.npmignore?.include('/lib/', '/bin/');
// API.md ships with the package (README links it); the repository's Dockerfile builds from a checkout and does not.
project.npmignore?.exclude('/Dockerfile');
project.addFields({ files: undefined });

project.synth();
