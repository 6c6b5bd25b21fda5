/**
 * dialogflow-fulfiller: typed webhook fulfillment for Dialogflow CX and ES.
 *
 *   import { createFulfiller } from 'dialogflow-fulfiller';
 *   const app = createFulfiller();
 *   app.tag('order.status', (turn) => { turn.say('Your order is on its way.'); });
 *   await app.listen(8080);
 */
export { createFulfiller, Fulfiller } from './core/fulfiller.js';
export type { Handler, Next, ErrorHandler } from './core/fulfiller.js';
export type { FulfillerOptions, ResolvedOptions, Mode, Clock } from './core/options.js';
export type { Match } from './core/matcher.js';
export type { RouteOptions, RouteKind } from './core/router.js';
export type { Exchange, ExchangeObserver, Outcome } from './core/exchange.js';
export { BUILT_IN_MESSAGES, type SystemMessages } from './core/system-messages.js';

export type { Turn } from './turn/turn.js';
export type { Params } from './turn/params.js';
export type { CxTurn } from './dialects/cx/cx-turn.js';
export type { CxForm, FormParameter } from './dialects/cx/form.js';
export type { CxTarget } from './dialects/cx/resource-names.js';
export type { EsTurn, EsTurnOptions } from './dialects/es/es-turn.js';
export type { EsContexts, ContextView } from './dialects/es/contexts.js';
export type { Card, Chip, Button, Image, Link } from './responses/rich.js';
export * as cx from './dialects/cx/messages.js';
export * as es from './dialects/es/messages.js';
export { detectDialect, type Dialect } from './dialects/detect.js';

export { validateSchema, formatIssues, type SchemaKind, type SchemaIssue, type SchemaResult } from './schema/validate.js';
export type * from './generated/types.js';

export { createServer, nodeHandler } from './adapters/node-http.js';
export type { HttpResult } from './http/http-result.js';
export type { HeadersInput } from './http/headers.js';
export type { BodyInput } from './http/json-body.js';

export type { Logger } from './logging/logger.js';
export { MemoryLogger, type LogRecord } from './logging/memory-logger.js';
export { loadApp, type AppModule } from './cli/load-app.js';
export * from './errors.js';
