import { parsePackageSpec, PluginImage } from '../../src/cmp/plugin-image';

const PACKAGES = ['cdk8s-argocd@1.2.0', 'cdk8s@2.70.106', 'constructs@10.8.1', '@acme/charts@0.3.0-rc.1'];

describe('PluginImage', () => {
  test('installs the released packages at exact versions on a Node base, as uid 999, with the cmp-server entrypoint', () => {
    const dockerfile = new PluginImage({ packages: PACKAGES }).dockerfile();
    const instructions = dockerfile.split('\n').filter((l) => /^[A-Z]+ /.test(l));
    expect(instructions).toEqual([
      'FROM node:20-bookworm-slim',
      'RUN npm install -g --no-audit --no-fund \\',
      'ENV HOME=/tmp \\',
      'USER 999',
      'WORKDIR /tmp',
      'ENTRYPOINT ["/var/run/argocd/argocd-cmp-server"]',
    ]);
    expect(dockerfile).toContain([
      '      cdk8s-argocd@1.2.0 \\',
      '      cdk8s@2.70.106 \\',
      '      constructs@10.8.1 \\',
      '      @acme/charts@0.3.0-rc.1 \\',
      ' && npm cache clean --force \\',
    ].join('\n'));
    // The build fails unless the installed CLI is the version the bundle was written for.
    expect(dockerfile).toContain(' && test "$(cdk8s-argocd --version)" = "1.2.0"\n');
    // Nothing from a repository checkout, nothing mutable.
    expect(dockerfile).not.toMatch(/COPY|:latest|\.tgz/);
  });

  test('a base image of your own', () => {
    expect(new PluginImage({ packages: PACKAGES, baseImage: 'registry.example.com/node:20.18.1' }).dockerfile()).toContain('\nFROM registry.example.com/node:20.18.1\n');
  });

  test('fails when a package has no exact version', () => {
    expect(() => new PluginImage({ packages: ['cdk8s-argocd@1.2.0', 'cdk8s@^2.70.0'] }))
      .toThrow('packages[1]: "cdk8s@^2.70.0" is not name@version with an exact version: give one, e.g. cdk8s@1.2.3 (a range or a tag such as latest would build a different image each time)');
    expect(() => new PluginImage({ packages: ['cdk8s-argocd@latest'] })).toThrow(/^packages\[0\]: "cdk8s-argocd@latest" is not name@version/);
  });

  test('fails when cdk8s-argocd is not among the packages', () => {
    expect(() => new PluginImage({ packages: ['cdk8s@2.70.106'] })).toThrow(/^packages has no cdk8s-argocd@<version>: the image runs the cdk8s-argocd CLI/);
  });

  test('fails when a package is listed twice', () => {
    expect(() => new PluginImage({ packages: ['cdk8s-argocd@1.2.0', 'cdk8s@2.70.106', 'cdk8s@2.70.107'] }))
      .toThrow('packages[2]: cdk8s is listed twice (cdk8s@2.70.106 and cdk8s@2.70.107): keep one');
  });

  test('fails when packages is not a list', () => {
    expect(() => new PluginImage({ packages: 'cdk8s-argocd@1.2.0' } as any)).toThrow(/^packages must be a list of name@version, got "cdk8s-argocd@1.2.0"/);
  });

  test('package specs', () => {
    expect(parsePackageSpec('@acme/charts@1.0.0')).toEqual({ name: '@acme/charts', version: '1.0.0' });
    expect(parsePackageSpec('lodash@4.17.21')).toEqual({ name: 'lodash', version: '4.17.21' });
    expect(parsePackageSpec('lodash')).toMatch(/is not name@version/);
    expect(parsePackageSpec('./local.tgz')).toMatch(/is not name@version/);
  });
});
