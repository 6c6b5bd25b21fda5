import { importModule } from '../runtime/import-module.js';
import { type Command, KEEP_RUNNING } from './command.js';
import { type PlayArgs, parsePlayArgs } from './play-args.js';
import { playgroundEntry } from './playground-entry.js';

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
                 [--api-key KEY] [--basic USER:PASS] [--bearer TOKEN] [--hmac-secret whsec_...]
                 [--agent PATH [--webhook NAME]... [--coverage] [--coverage-out FILE] [--min-coverage N]]`,
    summary: 'replay fixtures in-process or against a running webhook (docs/testing.md)',
    help: `Replays fixtures (requests, conversations, what the answer must show) and prints one line
per fixture, the differences of each failure, and a summary.

  --app FILE          in-process: a fresh app from this module for every fixture
  --url URL           a running webhook, e.g. http://localhost:8080/webhook
  --update            write what the app answers as the fixtures' expectations
  --reporter junit    with --out FILE: a JUnit XML report for CI
  --api-key KEY, --basic USER:PASS, --bearer TOKEN, --hmac-secret whsec_...
                      credentials to send (default: those the FULFILLER_* variables configure)
  --agent PATH        an agent export (docs/agents.md): every answer is checked against it
  --webhook NAME      a webhook of the agent this app serves (repeat for several)
  --coverage          print which of the agent's webhook call sites the fixtures cover
  --coverage-out FILE the coverage as JSON, for tools
  --min-coverage N    fail (exit 1) below N % of the call sites covered

Exit code 0 when every fixture passes, 1 when any fails (or coverage is under --min-coverage),
2 when a path, the app module or the agent export cannot be read, or there is no fixture to replay.`,
    run: async (args, io) => (await import('./replay-command.js')).replayCommand(args, io),
  },
  {
    name: 'lint',
    usage: `--agent PATH --app FILE [--webhook NAME]... [--env-file FILE]
                [--format text|json|junit|sarif] [--out FILE] [--strict] [--tls-ca FILE]
                [--config FILE] [--baseline FILE [--update-baseline]]`,
    summary: 'hold a Dialogflow agent export against the app (docs/lint.md)',
    help: `Holds a Dialogflow agent export (CX JSON package or ES, a .zip or a folder) against an app
module: unhandled tags and intents, routes the agent never uses, webhook.error handlers,
timeouts against deadlines, webhook auth, broken references, languages (docs/lint.md).

  --agent PATH       the export
  --app FILE         the app module, as fulfiller serve loads it
  --webhook NAME     a webhook this app serves (repeat for several); default: every standard
                     webhook whose URL is not a Google API
  --env-file FILE    the deployment's environment (auth, deadline), in dotenv format
  --format F         text (default), json, junit or sarif
  --out FILE         write the report there (the summary still goes to the terminal)
  --strict           warnings fail too
  --tls-ca FILE      the client CA that fulfiller serve --tls-ca uses: checks mutual TLS
  --config FILE      rule severities, ignored findings, webhooks (default fulfiller-lint.json, if present)
  --baseline FILE    leave out the findings listed there; --update-baseline writes them

Exit code: 0 clean, 1 errors (or warnings with --strict), 2 the export, app or a file cannot be read.`,
    run: async (args, io) => (await import('./lint-command.js')).lintCommand(args, io),
  },
  {
    name: 'types',
    usage: '--agent PATH --out FILE [--check] [--name Agent] [--from MODULE]',
    summary: "TypeScript for an agent's tags, intents, flows, pages and parameters",
    help: `Writes TypeScript for a Dialogflow agent export (CX JSON package or ES, a .zip or a folder):
the unions of its tags, intents, actions, events, flows and pages, its parameters typed from
their entity types, and the map from display names to the ids the wire needs. Use it as
createFulfiller<Agent>({ agent }) (docs/agents.md).

  --agent PATH    the export
  --out FILE      the TypeScript file to write
  --check         write nothing: exit 1 when FILE is not what the agent gives (for CI)
  --name NAME     the interface's name (default Agent; the map is its lower camel case)
  --from MODULE   where AppTypes is imported from (default dialogflow-fulfiller)

Exit code: 0 written (or up to date), 1 stale with --check, 2 the export cannot be read.`,
    run: async (args, io) => (await import('./types-command.js')).typesCommand(args, io),
  },
  {
    name: 'play',
    usage: `(--app FILE | --url URL) [--agent PATH] [--fixtures DIR] [--port N] [--host H]
                [--api-key KEY] [--basic USER:PASS] [--bearer TOKEN] [--hmac-secret whsec_...]`,
    summary: "the designers' playground: talk to the app in a web page, keep it as a fixture",
    help: `Serves a web page, on 127.0.0.1 with a token in the URL it prints, to talk to an app module
(reloaded when its files change) or a running webhook (--url) as Dialogflow would: see what
the user sees, inspect each turn, save the conversation as a fixture, see the agent's flows
and call sites with --agent (docs/playground.md).

  --app FILE          the app module, run in a child process
  --url URL           a running webhook instead, with the credentials below
  --agent PATH        an agent export: its flows, pages and webhook call sites
  --fixtures DIR      where fixtures are saved and run from (default fixtures)
  --port N            the port (default: any free one)
  --host H            listen on another address than 127.0.0.1 (prints a warning)

Runs until Ctrl-C. Exit code 2 when a flag, the app module or the export cannot be used.`,
    run: async (args, io) => {
      // The playground is a bundle of its own, above the library: only its entry's shape is known here.
      const parsed = parsePlayArgs(args, io.env);
      const { playCommand } = await importModule<{ playCommand: PlayCommand }>(playgroundEntry());
      await playCommand(parsed, io.env, io.out);
      return KEEP_RUNNING;
    },
  },
  {
    name: 'openapi',
    usage: '--app FILE [--server URL] [--title TEXT] [--api-version X.Y.Z] [--out FILE]',
    summary: "the OpenAPI 3.0 document of the app's endpoints, for a playbook tool",
    help: `Prints (or writes to --out) the OpenAPI 3.0 document of the app's JSON endpoints
(app.endpoint()), with security schemes from its auth: paste it into a playbook tool (docs/endpoints.md).

  --app FILE          the app module
  --server URL        the server URL the tool calls (https://orders.example.com)
  --title TEXT        the document's title
  --api-version X.Y.Z the document's version
  --out FILE          write the document there instead of printing it

Exit code 0; 2 when a flag or the app module cannot be used.`,
    run: async (args, io) => (await import('./openapi-command.js')).openapiCommand(args, io.env, io.out),
  },
];

/** `fulfiller play`: starts the playground, which runs until a signal stops it. */
type PlayCommand = (args: PlayArgs, env: Readonly<Record<string, string | undefined>>, out: (line: string) => void) => Promise<object>;
