import type { Verifier } from '../auth/verifier.js';
import type { AgentMap } from '../base/app-types.js';
import type { Clock } from '../base/clock.js';
import type { EsTurnOptions } from '../dialects/es/es-turn.js';
import { InvalidOptionError } from '../errors.js';
import type { Logger } from '../logging/logger.js';
import type { SchemaOptions } from '../schema/schema-api.js';
import type { Store } from '../store/store.js';
import type { SystemMessages } from './system-messages.js';

/** The API version an app speaks in each dialect: the GA one (CX `v3`, ES `v2`) unless told otherwise. */
export interface ApiVersions {
  cx: 'v3' | 'v3beta1';
  es: 'v2' | 'v2beta1';
}

/** How strictly mistakes in handlers are treated. */
export type Mode = 'development' | 'production' | 'test';

/** The options of an app with every default applied (`FulfillerOptions` in src/app/options.ts are what users pass). */
export interface ResolvedOptions {
  mode: Mode;
  deadlineMs: number;
  bodyLimit: number;
  responseLimit: number;
  messages: Readonly<Record<string, Partial<SystemMessages>>>;
  defaultLanguage: string;
  logger: Logger;
  clock: Clock;
  store: Store;
  metrics: boolean;
  auth: Verifier | undefined;
  es: EsTurnOptions;
  /** The CX agent's display names and their ids, when the app was given them. */
  agent: AgentMap | undefined;
  apiVersion: Readonly<ApiVersions>;
  /** What schema checks pass for each dialect's version: undefined for the GA versions, whose validators are one property away. */
  schemaVersions: { readonly cx: SchemaOptions<'cx'> | undefined; readonly es: SchemaOptions<'es'> | undefined };
  env: Readonly<Record<string, string | undefined>>;
}

export const DEFAULT_DEADLINE_MS = 4000;
export const MAX_DEADLINE_MS = 30_000;

/** A deadline must leave Dialogflow time to receive the answer: 1 ms to 30 s (CX's maximum timeout). */
export function checkDeadline(ms: number, name: string): number {
  if (!Number.isInteger(ms) || ms < 1 || ms > MAX_DEADLINE_MS) {
    throw new InvalidOptionError(`${name} must be a whole number of milliseconds from 1 to ${MAX_DEADLINE_MS}, not ${shownNumber(ms)}.`);
  }
  return ms;
}

/** What was given where a number was expected, as a message shows it: a string in quotes. */
export function shownNumber(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
}
