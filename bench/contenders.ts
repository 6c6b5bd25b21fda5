import type { PayloadName } from './payloads.js';

/** Why a contender is in the line-up: the ratios and targets are computed against these roles. */
export type Role = 'limit' | 'baseline' | 'peer' | 'fulfiller' | 'adapter';

/** One server under test, run as its own process on loopback. */
export interface Contender {
  readonly id: string;
  readonly label: string;
  readonly role: Role;
  /** node's arguments: the script and its flags. */
  readonly args: (port: number) => string[];
  readonly env: Readonly<Record<string, string>>;
  readonly payloads: readonly PayloadName[];
  /** Headers every request carries (beyond content-type). */
  readonly headers: Readonly<Record<string, string>>;
  /** When set, a request without `headers` must get this status, or the contender is skipped. */
  readonly refusesWithout?: number;
}

const SERVE = (app: string) => (port: number) => ['dist/lib/cli/main.js', 'serve', '--app', app, '--port', String(port), '--host', '127.0.0.1'];
const SCRIPT = (file: string) => () => [file];
const APP = 'bench/apps/order-status.js';
const BOTH: readonly PayloadName[] = ['cx', 'es'];
const ENDPOINT = 'bench/apps/customer-validation.js';
// Every contender runs as it would in production; the default log level is info.
const PRODUCTION = { NODE_ENV: 'production' };

/** The line-up, in the order of the report. */
export const CONTENDERS: readonly Contender[] = [
  {
    id: 'node-http',
    label: 'bare node:http',
    role: 'limit',
    args: SCRIPT('bench/contenders/bare-node.js'),
    env: PRODUCTION,
    payloads: [...BOTH, 'endpoint'],
    headers: {},
  },
  { id: 'express', label: 'bare Express 5', role: 'baseline', args: SCRIPT('bench/contenders/bare-express.js'), env: PRODUCTION, payloads: BOTH, headers: {} },
  {
    id: 'dialogflow-fulfillment',
    label: 'dialogflow-fulfillment',
    role: 'peer',
    args: SCRIPT('bench/contenders/dialogflow-fulfillment.cjs'),
    env: PRODUCTION,
    payloads: ['es'], // the library predates CX
    headers: {},
  },
  { id: 'fulfiller', label: 'fulfiller serve', role: 'fulfiller', args: SERVE(APP), env: { ...PRODUCTION, LOG_LEVEL: 'info' }, payloads: BOTH, headers: {} },
  {
    id: 'fulfiller-small-heap',
    label: 'fulfiller serve, --max-semi-space-size=2',
    role: 'fulfiller',
    args: SERVE(APP),
    // What npm start and the Dockerfile run with (docs/performance.md): a 2 MB semi-space (young generation).
    env: { ...PRODUCTION, LOG_LEVEL: 'info', NODE_OPTIONS: '--max-semi-space-size=2' },
    payloads: BOTH,
    headers: {},
  },
  {
    id: 'fulfiller-warn',
    label: 'fulfiller serve, LOG_LEVEL=warn',
    role: 'fulfiller',
    args: SERVE(APP),
    env: { ...PRODUCTION, LOG_LEVEL: 'warn' },
    payloads: BOTH,
    headers: {},
  },
  {
    id: 'fulfiller-api-key',
    label: 'fulfiller serve + API key',
    role: 'fulfiller',
    args: SERVE(APP),
    env: { ...PRODUCTION, LOG_LEVEL: 'info', FULFILLER_API_KEYS: 'bench-key-old,bench-key-current' },
    payloads: BOTH,
    headers: { 'x-api-key': 'bench-key-current' }, // the second key: the rotation case
    refusesWithout: 401,
  },
  {
    id: 'fulfiller-endpoint',
    label: 'fulfiller serve, an endpoint',
    role: 'fulfiller',
    args: SERVE(ENDPOINT),
    env: { ...PRODUCTION, LOG_LEVEL: 'info' },
    payloads: ['endpoint'],
    headers: {},
  },
  {
    id: 'fulfiller-express',
    label: 'Express 5 + app.express()',
    role: 'adapter',
    args: SCRIPT('bench/contenders/fulfiller-express.js'),
    env: { ...PRODUCTION, LOG_LEVEL: 'info' },
    payloads: BOTH,
    headers: {},
  },
  {
    id: 'fulfiller-express-json',
    label: 'Express 5 + express.json() + app.express()',
    role: 'adapter',
    args: SCRIPT('bench/contenders/fulfiller-express-json.js'),
    env: { ...PRODUCTION, LOG_LEVEL: 'info' },
    payloads: ['es'], // the Express of the dialogflow-fulfillment contenders
    headers: {},
  },
  {
    id: 'compat-express',
    label: "the peer's code on the compat module (Express 5)",
    role: 'adapter',
    args: SCRIPT('bench/contenders/compat-express.cjs'),
    env: { ...PRODUCTION, LOG_LEVEL: 'info' },
    payloads: ['es'], // the peer's code: ES only
    headers: {},
  },
  {
    id: 'compat-serve',
    label: "the peer's code, compat() in fulfiller serve",
    role: 'fulfiller',
    args: SERVE('bench/apps/legacy-order-status-app.js'),
    env: { ...PRODUCTION, LOG_LEVEL: 'info' },
    payloads: ['es'],
    headers: {},
  },
];

/** The contenders picked by `--only` (all by default); an unknown id is refused. */
export function pickContenders(only: ReadonlySet<string> | undefined): Contender[] {
  if (only === undefined) return [...CONTENDERS];
  for (const id of only) {
    if (!CONTENDERS.some((c) => c.id === id)) throw new Error(`unknown contender "${id}"; known: ${CONTENDERS.map((c) => c.id).join(', ')}`);
  }
  return CONTENDERS.filter((c) => only.has(c.id));
}
