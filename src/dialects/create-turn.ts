import { CxTurn } from './cx/cx-turn.js';
import { EsTurn, type EsTurnOptions } from './es/es-turn.js';
import type { CxWebhookRequest, EsWebhookRequest } from '../generated/types.js';
import type { Turn } from './turn.js';
import type { TurnContext } from '../turn/turn-context.js';
import type { Dialect } from '../base/dialect.js';

/** The dialect's turn over a request that has passed its schema. */
export function createTurn(dialect: Dialect, request: object, context: TurnContext, es: EsTurnOptions): Turn {
  return dialect === 'cx' ? new CxTurn(request as CxWebhookRequest, context) : new EsTurn(request as EsWebhookRequest, context, es);
}
