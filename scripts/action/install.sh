#!/usr/bin/env bash
# Makes opmodel runnable from the action's own checkout (its only argument): a release or an
# npm package already holds the self-contained bundles; a clone of the repository builds them.
set -euo pipefail
cd "$1"
if [ -f dist/cli.js ] && [ -f dist/action.js ]; then
  echo "opmodel: using the bundles in $(pwd)/dist"
  exit 0
fi
echo "opmodel: building from $(pwd)"
# No install scripts run; esbuild (a dev dependency) makes the bundles.
if [ -f package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
else
  npm install --include=dev --no-save --no-package-lock --ignore-scripts --no-audit --no-fund
fi
node scripts/build.mjs
