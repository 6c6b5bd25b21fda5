# Cloud Run image of a dialogflow-fulfiller app: the demo agent by default.
#   docker build -t fulfiller .
#   docker run -p 8080:8080 fulfiller
# Another app module: build it into dist/ and override the command, e.g.
#   CMD ["--max-semi-space-size=2", "dist/lib/cli/main.js", "serve", "--app", "dist/app/my-app.js"]
# Configuration comes from the environment (README: PORT, FULFILLER_DEADLINE_MS, REDIS_URL, ...).

# --- build: compile TypeScript, then keep only what runs --------------------------------------
FROM node:20-bookworm AS build
WORKDIR /app
# npm 11, as in development: it runs only the install scripts package.json approves (better-sqlite3).
RUN npm install --global npm@11
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY demo ./demo
COPY scripts/bundle.mjs ./scripts/bundle.mjs
COPY scripts/bundle ./scripts/bundle
# npm ci builds too (the prepare script): dist/src (types), dist/lib (the bundle that runs) and dist/demo.
RUN npm ci
# The demo's SQLite driver is a devDependency of the library: keep what it loads at run time (its
# lib, the compiled addon, bindings) across the prune of everything only for development; its
# sources and build intermediates (~30 MB) stay behind.
RUN mkdir -p /tmp/keep/better-sqlite3/build/Release \
 && cp -R node_modules/better-sqlite3/package.json node_modules/better-sqlite3/lib /tmp/keep/better-sqlite3/ \
 && cp node_modules/better-sqlite3/build/Release/better_sqlite3.node /tmp/keep/better-sqlite3/build/Release/ \
 && cp -R node_modules/bindings node_modules/file-uri-to-path /tmp/keep/ \
 && npm prune --omit=dev \
 && cp -R /tmp/keep/. node_modules/

# --- run: distroless Node.js 20, no shell, non-root (uid 65532) -------------------------------
FROM gcr.io/distroless/nodejs20-debian12:nonroot
WORKDIR /app
ENV NODE_ENV=production PORT=8080
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/lib ./dist/lib
COPY --from=build /app/dist/demo ./dist/demo
USER nonroot
EXPOSE 8080
# node is PID 1 and receives SIGTERM itself: readiness turns 503, turns in flight finish, exit in < 10 s.
ENTRYPOINT ["/nodejs/bin/node"]
# A 2 MB semi-space (young generation) keeps the resident set under load near 100 MB (docs/performance.md).
CMD ["--max-semi-space-size=2", "dist/lib/cli/main.js", "serve", "--app", "dist/demo/app.js"]
