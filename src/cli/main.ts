#!/usr/bin/env node
import { FulfillerError } from '../errors.js';
import { serveCommand, stopOnSignals } from './serve-command.js';
import { validateCommand } from './validate-command.js';

const HELP = `fulfiller — Dialogflow CX and ES webhook fulfillment

  fulfiller serve --app FILE [--port N] [--host H] [--deadline-ms N]
      serve an app module on POST /webhook (PORT, default 8080)
  fulfiller validate <cx|es> <request|response> FILE|DIR...
      check JSON files against the WebhookRequest / WebhookResponse schema

Environment: PORT, FULFILLER_DEADLINE_MS, LOG_LEVEL, NODE_ENV (see README).`;

async function main(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  const out = (line: string): void => void process.stdout.write(`${line}\n`);
  switch (command) {
    case 'serve':
      stopOnSignals(await serveCommand(args, process.env));
      return undefined; // keep running
    case 'validate':
      return validateCommand(args, out);
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

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof FulfillerError || error instanceof TypeError ? error.message : String(error);
    process.stderr.write(`fulfiller: ${message}\n`);
    process.exitCode = 1;
  },
);
