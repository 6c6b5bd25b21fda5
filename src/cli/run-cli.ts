import { FulfillerError } from '../errors.js';
import { importModule } from '../runtime/import-module.js';
import { playgroundEntry } from './playground-entry.js';

/** `fulfiller play`: an exit code, or something still running. */
type PlayCommand = (args: readonly string[], env: NodeJS.ProcessEnv, out: (line: string) => void) => Promise<number | object>;

const HELP = `fulfiller — Dialogflow CX and ES webhook fulfillment

  fulfiller serve --app FILE [--port N] [--host H] [--deadline-ms N]
                  [--tls-cert FILE --tls-key FILE [--tls-ca FILE]] [--record DIR]
      serve an app module on POST /webhook (PORT, default 8080); HTTPS with a
      certificate and key, mutual TLS with a client CA; --record writes every
      answered call to DIR as a fixture (personal data masked)
  fulfiller validate <cx|es|cx3beta1|es2beta1> <request|response> FILE|DIR...
      check JSON files against the WebhookRequest / WebhookResponse schema of CX v3 or
      ES v2, or of the beta versions CX v3beta1 / ES v2beta1
  fulfiller replay FILE|DIR... (--app FILE | --url URL) [--update] [--reporter junit --out FILE]
                   [--api-key KEY] [--basic USER:PASS] [--bearer TOKEN] [--hmac-secret whsec_...]
      replay fixtures in-process or against a running webhook; --update writes the
      expectations; exit 1 on any failure (docs/testing.md)
  fulfiller lint --agent PATH --app FILE [--webhook NAME]... [--env-file FILE]
                 [--format text|json|junit|sarif] [--strict] [--tls-ca FILE]
      hold a Dialogflow agent export against the app: exit 1 on errors (docs/lint.md)
  fulfiller types --agent PATH --out FILE [--check]
      TypeScript types for the agent's tags, intents, flows, pages and parameters
  fulfiller play (--app FILE | --url URL) [--agent PATH] [--fixtures DIR] [--port N] [--host H]
                 [--api-key KEY] [--basic USER:PASS] [--bearer TOKEN] [--hmac-secret whsec_...]
      a web page to talk to the app as Dialogflow would, see what the user sees, and
      save the conversation as a fixture; on 127.0.0.1 with a token (docs/playground.md)
  fulfiller openapi --app FILE [--server URL] [--title TEXT] [--api-version X.Y.Z] [--out FILE]
      print the OpenAPI 3.0 document of the app's endpoints, for a playbook tool
      (docs/endpoints.md)

Environment: PORT, FULFILLER_DEADLINE_MS, LOG_LEVEL, NODE_ENV (see README).
Authentication (docs/security.md): FULFILLER_API_KEYS, FULFILLER_BASIC_AUTH,
FULFILLER_HMAC_SECRETS, FULFILLER_GOOGLE_AUDIENCE + FULFILLER_GOOGLE_SERVICE_ACCOUNT;
TLS: FULFILLER_TLS_CERT, FULFILLER_TLS_KEY, FULFILLER_TLS_CLIENT_CA.`;

async function main(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  // In the package the commands are already in the one bundle (docs/architecture.md): the import only picks one.
  switch (command) {
    case 'serve': {
      const { serveCommand, stopOnSignals } = await import('./serve-command.js');
      stopOnSignals(await serveCommand(args, process.env));
      return undefined; // keep running
    }
    case 'validate':
      return (await import('./validate-command.js')).validateCommand(args, out);
    case 'replay':
      return (await import('./replay-command.js')).replayCommand(args, process.env, out);
    case 'lint':
      return (await import('./lint-command.js')).lintCommand(args, process.env, out);
    case 'types':
      return (await import('./types-command.js')).typesCommand(args, out);
    case 'play': {
      // The playground is a bundle of its own, above the library: only its entry's shape is known here.
      const { playCommand } = await importModule<{ playCommand: PlayCommand }>(playgroundEntry());
      const playing = await playCommand(args, process.env, out);
      return typeof playing === 'number' ? playing : undefined; // keep running
    }
    case 'openapi':
      return (await import('./openapi-command.js')).openapiCommand(args, process.env, out);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      out(HELP);
      return command === undefined ? 2 : 0;
    default:
      out(`unknown command "${command}"\n\n${HELP}`);
      return 2;
  }
}

/** Runs the `fulfiller` command line: the exit code goes to `process.exitCode`, errors to stderr. */
export function runCli(argv: readonly string[]): void {
  // `fulfiller validate … | head`: a reader that stops early is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main(argv).then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (error: unknown) => {
      const message = error instanceof FulfillerError || error instanceof TypeError ? error.message : String(error);
      process.stderr.write(`fulfiller: ${message}\n`);
      process.exitCode = 1;
    },
  );
}
