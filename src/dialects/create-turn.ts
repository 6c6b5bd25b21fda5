import { CxTurn } from './cx/cx-turn.js';
import { EsTurn, type EsTurnOptions } from './es/es-turn.js';
import type { CxWebhookRequest, EsWebhookRequest } from '../generated/types.js';
import type { Turn } from './turn.js';
import type { TurnContext } from '../turn/turn-context.js';
import type { AgentMap } from '../base/app-types.js';
import type { Dialect } from '../base/dialect.js';

/** What shapes every turn of an app: ES settings, and the CX agent's display names. */
export interface TurnOptions {
  readonly es: EsTurnOptions;
  readonly agent?: AgentMap | undefined;
}

/** The dialect's turn over a request that has passed its schema. */
export function createTurn(dialect: Dialect, request: object, context: TurnContext, options: TurnOptions): Turn {
  return dialect === 'cx' ? new CxTurn(request as CxWebhookRequest, context, options.agent) : new EsTurn(request as EsWebhookRequest, context, options.es);
}
