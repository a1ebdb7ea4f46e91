#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser, from npm) for the end-to-end suite.
# Usage: scripts/e2e/install-code-server.sh [DIR]   (default: .e2e/code-server, which git ignores)
# Does nothing when DIR already holds the wanted version.
# Debian packages it compiles native modules with: build-essential python3 libkrb5-dev.
set -euo pipefail
VERSION=4.100.3          # VS Code 1.100.3; later releases need Node 22
RG_PKG_VERSION=1.18.0    # registry package that carries a static x86_64 ripgrep
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=${1:-"$ROOT/.e2e/code-server"}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
BIN="$DIR/node_modules/.bin/code-server"
PKG="$DIR/node_modules/code-server/package.json"

if [ -x "$BIN" ] && [ -f "$PKG" ] && grep -q "\"version\": \"$VERSION\"" "$PKG"; then
  echo "code-server $VERSION already installed in $DIR"
  exit 0
fi
for tool in make g++ python3 krb5-config; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y build-essential python3 libkrb5-dev" >&2; exit 2; }
done

WORK="$DIR/.tmp"
rm -rf "$WORK" && mkdir -p "$WORK"
export TMPDIR="$WORK"

# The VS Code inside code-server depends on @vscode/ripgrep 1.15.11, whose postinstall fetches rg from
# GitHub (unreachable here) unless the archive is already in its cache folder under $TMPDIR.
# Fill that cache from the rg binary shipped in an npm package.
(
  cd "$WORK"
  tarball=$(npm pack --silent "@vscode/ripgrep-linux-x64@$RG_PKG_VERSION")
  mkdir rg && tar -xzf "$tarball" -C rg
  mkdir -p vscode-ripgrep-cache-1.15.11
  tar -czf vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz -C rg/package/bin rg
)

cd "$DIR"
[ -f package.json ] || echo '{ "name": "opmodel-e2e-code-server", "private": true }' > package.json
# unsafe_perm: code-server's postinstall reads this variable and refuses to run as root without it
# (CI containers are root); npm 11 warns that it no longer knows the key, which is harmless.
# yes: a nested `npx node-gyp` must not wait for a prompt.  nodedir: build against the local Node headers.
npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")" \
  npm install --no-audit --no-fund --no-save "code-server@$VERSION"
rm -rf "$WORK"
echo "code-server $VERSION installed in $DIR"
