/** Props of `PluginImage`. */
export interface PluginImageProps {
  /**
   * The packages installed globally in the image, each `name@version` with an exact version:
   * `cdk8s-argocd` itself and what apps import (`cdk8s`, `constructs`, `cdk8s-plus-30`, any other
   * library). Apps resolve them from the image: the repository sends only its TypeScript.
   */
  readonly packages: string[];
  /**
   * The Node.js base image (Argo CD runs the sidecar as uid 999 with its own entrypoint, so any
   * image with `node` on the PATH works).
   * @default "node:20-bookworm-slim"
   */
  readonly baseImage?: string;
}

/** The uid Argo CD's cmp-server runs as (`runAsUser: 999` in Argo CD's own manifests). */
export const PLUGIN_USER = 999;

/** `name@1.2.3` (also prereleases and scoped names); not a range, a tag or a path. */
const EXACT_SPEC = /^((?:@[a-z0-9][-a-z0-9._~]*\/)?[a-z0-9][-a-z0-9._~]*)@(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)$/;

/** The name and exact version of a package spec, or a message saying what is wrong with it. */
export function parsePackageSpec(spec: string): { name: string; version: string } | string {
  const m = EXACT_SPEC.exec(spec);
  if (!m) {
    const at = spec.lastIndexOf('@');
    const name = at > 0 ? spec.slice(0, at) : spec;
    return `${JSON.stringify(spec)} is not name@version with an exact version: give one, e.g. ${name || 'lodash'}@1.2.3 (a range or a tag such as latest would build a different image each time)`;
  }
  return { name: m[1], version: m[2] };
}

/**
 * The Dockerfile of a Config Management Plugin sidecar image that installs the released
 * cdk8s-argocd package (not this repository's sources) and the packages apps import, each at an
 * exact version, on a Node base image, for Argo CD's plugin user 999.
 *
 * ```ts
 * const image = new PluginImage({ packages: ['cdk8s-argocd@1.2.0', 'cdk8s@2.70.106', 'constructs@10.8.1', 'lodash@4.17.21'] });
 * fs.writeFileSync('Dockerfile', image.dockerfile());
 * ```
 */
export class PluginImage {
  /** The packages the image installs, `name@version`, in the order given. */
  public readonly packages: string[];
  /** The base image. */
  public readonly baseImage: string;
  /** The cdk8s-argocd version the image installs. */
  public readonly cdk8sArgoCdVersion: string;

  constructor(props: PluginImageProps) {
    if (!Array.isArray(props?.packages)) {
      throw new Error(`packages must be a list of name@version, got ${JSON.stringify(props?.packages)}: e.g. ['cdk8s-argocd@1.2.0', 'cdk8s@2.70.106', 'constructs@10.8.1']`);
    }
    const seen = new Map<string, string>();
    props.packages.forEach((spec, i) => {
      const parsed = typeof spec === 'string' ? parsePackageSpec(spec) : `${JSON.stringify(spec)} is not a string`;
      if (typeof parsed === 'string') throw new Error(`packages[${i}]: ${parsed}`);
      if (seen.has(parsed.name)) throw new Error(`packages[${i}]: ${parsed.name} is listed twice (${seen.get(parsed.name)} and ${spec}): keep one`);
      seen.set(parsed.name, spec);
    });
    const own = seen.get('cdk8s-argocd');
    if (!own) throw new Error('packages has no cdk8s-argocd@<version>: the image runs the cdk8s-argocd CLI, add it, e.g. \'cdk8s-argocd@1.2.0\'');
    const baseImage = props.baseImage ?? 'node:20-bookworm-slim';
    if (typeof baseImage !== 'string' || !/^[^\s]+$/.test(baseImage)) {
      throw new Error(`baseImage must be an image name, got ${JSON.stringify(props.baseImage)}: e.g. 'node:20-bookworm-slim'`);
    }
    this.packages = [...props.packages];
    this.baseImage = baseImage;
    this.cdk8sArgoCdVersion = own.slice(own.lastIndexOf('@') + 1);
  }

  /** The Dockerfile. */
  public dockerfile(): string {
    const version = this.cdk8sArgoCdVersion;
    const installs = this.packages.map((p) => `      ${p} \\`);
    return [
      `# The cdk8s-argocd ${version} Config Management Plugin sidecar image: Node and, installed globally at`,
      '# exact versions, the cdk8s-argocd CLI and every package the apps import. Nothing is installed when',
      '# Argo CD renders: a repository holds only its TypeScript, `cdk8s-argocd generate` resolves these',
      '# packages from the image, and npm itself is removed.',
      '#',
      '# Build it, push it where the cluster pulls from, and install the plugin with the same name:',
      `#   docker build -t <registry>/cdk8s-argocd:${version} .`,
      `#   docker push <registry>/cdk8s-argocd:${version}`,
      `#   cdk8s-argocd plugin --print bundle --image <registry>/cdk8s-argocd:${version} --output <dir>`,
      '#   kubectl apply -k <dir>',
      '#',
      '# An app that imports another package: add name@version to the npm install line below (or write',
      '# the bundle again with --add-package name@version), rebuild, push, and roll out argocd-repo-server.',
      `FROM ${this.baseImage}`,
      'RUN npm install -g --no-audit --no-fund \\',
      ...installs,
      ' && npm cache clean --force \\',
      ' && rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \\',
      '      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /root/.npm \\',
      ` && test "$(cdk8s-argocd --version)" = "${version}"`,
      '# uid 999 has no writable home: everything that writes goes to the sidecar\'s own /tmp emptyDir.',
      '# NODE_OPTIONS: a 1 MB young generation keeps a large render\'s peak RSS down at no cost in time.',
      'ENV HOME=/tmp \\',
      '    NODE_OPTIONS=--max-semi-space-size=1 \\',
      '    NODE_ENV=production \\',
      '    CDK8S_CHECK_UPGRADE=false \\',
      '    NO_UPDATE_NOTIFIER=1',
      `USER ${PLUGIN_USER}`,
      'WORKDIR /tmp',
      '# Argo CD copies argocd-cmp-server into /var/run/argocd (its init container) and runs it as the entrypoint.',
      'ENTRYPOINT ["/var/run/argocd/argocd-cmp-server"]',
      '',
    ].join('\n');
  }
}
