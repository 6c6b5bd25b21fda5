#!/usr/bin/env bash
# Bundles what tsc compiled (dist/src) into dist/lib: one module graph instead of a hundred
# files, which is most of a cold start. Entry points share chunks, so the library, the CLI,
# the testing subpath and each verifier are one instance however they are imported.
# pino (the default logger, needed before the first answer) is bundled in: loading it from
# node_modules, some thirty CommonJS files, took about 20 ms of every start. The other
# dependencies stay outside; each is loaded only when it is used (prom-client, ioredis,
# google-auth-library, @opentelemetry/api).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist/lib
# pino's CommonJS code calls require() for node's built-ins: give the ES module chunks one.
# thread-stream (pino's worker transports, never used here) is replaced by a stub.
banner="import { createRequire as __fulfillerRequire } from 'node:module'; const require = __fulfillerRequire(import.meta.url);"
exec node_modules/.bin/esbuild dist/src/index.js dist/src/cli/main.js dist/src/testing/index.js dist/src/auth/*.js \
  --bundle --splitting --format=esm --platform=node --target=node20 \
  --external:prom-client --external:ioredis --external:google-auth-library --external:@opentelemetry/api \
  --external:dialogflow-fulfiller --alias:thread-stream=./scripts/bundle/thread-stream.cjs --banner:js="$banner" \
  --minify-whitespace --sourcemap --outbase=dist/src --outdir=dist/lib --log-level=warning
