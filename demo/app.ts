/**
 * The demo agent: what `npm start` serves. Every use case is registered both as a CX
 * fulfillment tag and as an ES intent of the same name, with one handler for both dialects;
 * beside the webhook, a flexible webhook's endpoint and a playbook tool's (demo/endpoints).
 *
 *   DEMO_DB=demo.sqlite     keep the data in a file (default: a fresh in-memory database)
 *   DEMO_TODAY=2026-11-27   pin "today" (default: the real date)
 *   DEMO_REPORT_MS=5000     how long report.generate takes
 *   REDIS_URL=redis://…     keep reports in Redis: instances hand them across (the library's setting)
 */
import type { Fulfiller, Handler } from 'dialogflow-fulfiller';
import { todayFromEnv, type Today } from './clock.js';
import { crmRepository } from './data/crm-repository.js';
import { openDatabase, type DemoDatabase } from './data/open-database.js';
import { ordersRepository } from './data/orders-repository.js';
import { spendingRepository } from './data/spending-repository.js';
import type { DemoDeps } from './deps.js';
import { crmInteractions } from './handlers/crm-interactions.js';
import { crmNextProposal } from './handlers/crm-next-proposal.js';
import { customerValidate } from './handlers/customer-validate.js';
import { orderStatus } from './handlers/order-status.js';
import { reportGenerate } from './handlers/report-generate.js';
import { reportStatus } from './handlers/report-status.js';
import { returnCreate } from './handlers/return-create.js';
import { returnEligible } from './handlers/return-eligible.js';
import { spendingSummary } from './handlers/spending-summary.js';
import { customerValidation } from './endpoints/customer-validation.js';
import { orderLookup } from './endpoints/order-lookup.js';

export const DEFAULT_REPORT_MS = 5000;

export interface DemoOptions {
  db: DemoDatabase;
  today: Today;
  /** How long report.generate takes, in ms. Default 5000. */
  reportMs?: number;
}

/** Registers the demo's handlers on `app`, against the given database and date. */
export function registerDemo(app: Fulfiller, options: DemoOptions): void {
  const deps: DemoDeps = {
    orders: ordersRepository(options.db),
    spending: spendingRepository(options.db),
    crm: crmRepository(options.db),
    today: options.today,
    reportMs: options.reportMs ?? DEFAULT_REPORT_MS,
    clock: app.options.clock,
  };
  const handlers: Record<string, Handler> = {
    'order.status': orderStatus(deps),
    'return.eligible': returnEligible(deps),
    'return.create': returnCreate(deps),
    'spending.summary': spendingSummary(deps),
    'crm.interactions': crmInteractions(deps),
    'crm.next_proposal': crmNextProposal(deps),
    'customer.validate': customerValidate(deps),
    'report.generate': reportGenerate(deps),
    'report.status': reportStatus(deps),
  };
  for (const [name, handler] of Object.entries(handlers)) {
    app.tag(name, handler); // CX: the fulfillment tag of the page or route
    app.intent(name, handler); // ES: the intent display name
  }
  customerValidation(app, deps); // POST /customers/validate: a CX flexible webhook
  orderLookup(app, deps); // GET /orders/{orderNumber}: a playbook tool
}

/** The app module: opens (and seeds) the database from the environment the app was created with. */
export default function demo(app: Fulfiller): void {
  const env = app.options.env;
  const today = todayFromEnv(env);
  const reportMs = reportMsFromEnv(env);
  const db = openDatabase({ path: env.DEMO_DB?.trim() || ':memory:', today: today() });
  app.onClose(() => db.close()); // after the turns and the reports in flight have finished
  registerDemo(app, { db, today, reportMs });
}

function reportMsFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const raw = env.DEMO_REPORT_MS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_REPORT_MS;
  if (!/^\d+$/.test(raw)) throw new RangeError(`DEMO_REPORT_MS must be a whole number of milliseconds, not "${raw}"`);
  return Number(raw);
}
