# The Config Management Plugin sidecar image built from THIS CHECKOUT (to try an unreleased version):
# the package is compiled and packed here, then installed the way a release is. Users build theirs
# from the released package instead: `cdk8s-argocd plugin --print bundle --output <dir>` writes a
# Dockerfile that installs cdk8s-argocd at the CLI's exact version from the npm registry.
#
# Node 20, the cdk8s-argocd CLI and everything an app imports (cdk8s, constructs, cdk8s-plus-30),
# installed at build time. Nothing is installed when Argo CD renders: the user's repository holds
# only its TypeScript, `cdk8s-argocd generate` resolves the libraries from this image, and npm
# itself is removed.
#
#   docker build -t <registry>/cdk8s-argocd:<version>-dev .
#   cdk8s-argocd plugin --print overlay --image <registry>/cdk8s-argocd:<version>-dev --output argocd-overlay
#
# Argo CD runs the container as uid 999 with `/var/run/argocd/argocd-cmp-server` as its command
# (copied in by the repo-server's init container); plugin.yaml comes from a ConfigMap.

ARG NODE_IMAGE=node:20-bookworm-slim

# --- build: compile the package and pack it ----------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
# `npm ci` fails on projen lockfiles (missing platform packages): npm install, from the lockfile.
RUN npm install --no-audit --no-fund
COPY . .
# `npm pack` compiles first (the prepack script).
RUN npm pack --pack-destination /tmp \
 && mv /tmp/cdk8s-argocd-*.tgz /tmp/cdk8s-argocd.tgz

# --- runtime -------------------------------------------------------------------------------------
FROM ${NODE_IMAGE}
COPY --from=build /tmp/cdk8s-argocd.tgz /tmp/cdk8s-argocd.tgz
# The peers are pinned to the versions the library is built and tested with.
RUN npm install -g --no-audit --no-fund /tmp/cdk8s-argocd.tgz cdk8s@2.70.106 constructs@10.8.1 cdk8s-plus-30@2.4.10 \
 && rm -f /tmp/cdk8s-argocd.tgz \
 && npm cache clean --force \
 && rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /root/.npm \
 && cdk8s-argocd --version

# uid 999 has no writable home: everything that writes goes to the sidecar's own /tmp emptyDir.
# NODE_OPTIONS: a 1 MB young generation keeps a large render's peak RSS down (10,000 Applications:
# about 170 → 130 MB) at no measurable cost in wall time.
ENV HOME=/tmp \
    NODE_OPTIONS=--max-semi-space-size=1 \
    NODE_ENV=production \
    CDK8S_CHECK_UPGRADE=false \
    NO_UPDATE_NOTIFIER=1
USER 999
WORKDIR /tmp
ENTRYPOINT ["/var/run/argocd/argocd-cmp-server"]
