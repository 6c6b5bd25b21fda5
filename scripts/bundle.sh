#!/usr/bin/env bash
# Bundles what tsc compiled (dist/src) into dist/lib: one module graph instead of a hundred
# files, which is most of a cold start. Entry points share chunks, so the library, the CLI,
# the testing subpath and each verifier are one instance however they are imported.
# Dependencies stay outside (pino, prom-client, ioredis... load from node_modules, some lazily).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist/lib
exec node_modules/.bin/esbuild dist/src/index.js dist/src/cli/main.js dist/src/testing/index.js dist/src/auth/*.js \
  --bundle --splitting --format=esm --platform=node --target=node20 --packages=external \
  --minify-whitespace --sourcemap --outbase=dist/src --outdir=dist/lib --log-level=warning
