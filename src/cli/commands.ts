import { type Command, KEEP_RUNNING } from './command.js';

/**
 * The `fulfiller` commands: a new command is one row here (its usage and help with it) and a
 * `*-command.ts` that does the work. The runner (run-cli.ts) gives every row `--help`, the exit
 * codes and the wording of mistakes; `fulfiller --help` lists the rows in this order. Each row
 * imports its module when it runs: in the package the commands are already in the one bundle
 * (docs/architecture.md), so the import only picks one.
 */
export const COMMANDS: readonly Command[] = [
  {
    name: 'serve',
    usage: `--app FILE [--port N] [--host H] [--deadline-ms N]
                [--tls-cert FILE --tls-key FILE [--tls-ca FILE]] [--record DIR]`,
    summary: 'serve an app module on POST /webhook, with /healthz, /readyz and /metrics',
    help: `Loads an app module (a file whose default export is (app) => { app.tag(...) }, or an
app) and serves it on node:http until SIGTERM or SIGINT, then shuts down gracefully.

  --app FILE          the app module: JavaScript, or TypeScript under tsx
                      (NODE_OPTIONS="--import tsx" npx fulfiller serve --app app.ts)
  --port N            the port (default: PORT, else 8080)
  --host H            the address to listen on (default: every interface)
  --deadline-ms N     the time budget of a turn, 1-30000 (default: FULFILLER_DEADLINE_MS, else 4000)
  --tls-cert FILE     serve HTTPS with this PEM certificate (FULFILLER_TLS_CERT) ...
  --tls-key FILE      ... and its PEM private key (FULFILLER_TLS_KEY)
  --tls-ca FILE       mutual TLS: client certificates must chain to this PEM CA (FULFILLER_TLS_CLIENT_CA)
  --record DIR        write every answered call to DIR as a fixture, personal data masked

Authentication comes from the environment (docs/security.md). Exit code 0 after a graceful
stop; 2 when the app module, a flag or a file cannot be used; 1 when serving fails.`,
    run: async (args, io) => {
      const { serveCommand, stopOnSignals } = await import('./serve-command.js');
      stopOnSignals(await serveCommand(args, io.env));
      return KEEP_RUNNING;
    },
  },
  {
    name: 'validate',
    usage: '<cx|es|cx3beta1|es2beta1> <request|response> FILE|DIR...',
    summary: 'check JSON files against the WebhookRequest / WebhookResponse schema',
    help: `Checks each JSON file (a directory: every .json file below it) against the schema of
CX v3 or ES v2, or of the beta versions CX v3beta1 / ES v2beta1, and prints the failing
field paths of each invalid file.

Exit code 0 when every file is valid, 1 when any is invalid (or not JSON), 2 when a file
or directory cannot be read.`,
    run: async (args, io) => (await import('./validate-command.js')).validateCommand(args, io),
  },
  {
    name: 'replay',
    usage: `FILE|DIR... (--app FILE | --url URL) [--update] [--reporter junit --out FILE]
                 [--api-key KEY] [--basic USER:PASS] [--bearer TOKEN] [--hmac-secret whsec_...]`,
    summary: 'replay fixtures in-process or against a running webhook (docs/testing.md)',
    help: `Replays fixtures (requests, conversations, what the answer must show) and prints one line
per fixture, the differences of each failure, and a summary.

  --app FILE          in-process: a fresh app from this module for every fixture
  --url URL           a running webhook, e.g. http://localhost:8080/webhook
  --update            write what the app answers as the fixtures' expectations
  --reporter junit    with --out FILE: a JUnit XML report for CI
  --api-key KEY, --basic USER:PASS, --bearer TOKEN, --hmac-secret whsec_...
                      credentials to send (default: those the FULFILLER_* variables configure)

Exit code 0 when every fixture passes, 1 when any fails, 2 when a path or the app module
cannot be read, or there is no fixture to replay.`,
    run: async (args, io) => (await import('./replay-command.js')).replayCommand(args, io),
  },
];
