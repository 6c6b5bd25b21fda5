import type { Clock } from 'dialogflow-fulfiller';
import type { Today } from './clock.js';
import type { CrmRepository } from './data/crm-repository.js';
import type { OrdersRepository } from './data/orders-repository.js';
import type { SpendingRepository } from './data/spending-repository.js';

/** What the handlers are built with: passed in, so that tests choose the database, the date and the job speed (on the app's clock). */
export interface DemoDeps {
  orders: OrdersRepository;
  spending: SpendingRepository;
  crm: CrmRepository;
  today: Today;
  /** How long generating a report takes, in ms. */
  reportMs: number;
  /** The app's clock, which the report's wait runs on. */
  clock: Clock;
}
