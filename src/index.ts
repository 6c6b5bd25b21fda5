/**
 * dialogflow-fulfiller: typed webhook fulfillment for Dialogflow CX and ES.
 *
 *   import { createFulfiller } from 'dialogflow-fulfiller';
 *   const app = createFulfiller();
 *   app.tag('order.status', (turn) => { turn.say('Your order is on its way.'); });
 *   await app.listen(8080);
 */
export { Fulfiller } from './app/fulfiller.js';
export { createFulfiller } from './app/create-fulfiller.js';
export type { Handler, Next, ErrorHandler } from './app/fulfiller.js';
export type { FulfillerOptions, FulfillerSettings } from './app/options.js';
export type { ResolvedOptions, Mode, ApiVersions } from './core/options.js';
export type { RecordOptions } from './recording/recorder.js';
export type { RedactOptions } from './recording/redact.js';
export type { Match } from './core/matcher.js';
export type { RouteOptions } from './core/router.js';
export type { Exchange, ExchangeObserver, Outcome, EndpointExchange } from './telemetry/exchange.js';
export type {
  EndpointDefinition,
  EndpointHandler,
  EndpointCall,
  EndpointCallOf,
  EndpointReturn,
  EndpointInfo,
  EndpointMethod,
  EndpointSchema,
  EndpointBody,
  EndpointResult,
  EndpointParams,
  EndpointQuery,
  PathParamNames,
} from './core/endpoint.js';
export { httpError, type HttpErrorOptions } from './core/http-error.js';
export { openApiDocument, type OpenApiOptions } from './app/openapi-document.js';
export { authSchemesOf, type AuthScheme, type AuthRequirements } from './auth/auth-schemes.js';
export type { AppDescription, RouteDescription, SystemMessageKind } from './core/app-description.js';
export { BUILT_IN_MESSAGES, type SystemMessages } from './core/system-messages.js';

export type { AppTypes, AgentMap, RouteKind, ApiVersionOf, QueryPayload, PayloadOf } from './base/app-types.js';
export type { Turn } from './dialects/turn.js';
export type { Params } from './turn/params.js';
export type { CxTurn } from './dialects/cx/cx-turn.js';
export type { CxForm, FormParameter } from './dialects/cx/form.js';
export type { CxTarget } from './dialects/cx/resource-names.js';
export type { EsTurn, EsTurnOptions } from './dialects/es/es-turn.js';
export type { EsContexts, ContextView } from './dialects/es/contexts.js';
export type { Card, Chip, Button, Image, Link } from './responses/rich.js';
export * as cx from './dialects/cx/messages.js';
export * as es from './dialects/es/messages.js';
export { detectDialect } from './dialects/detect.js';
export type { Dialect } from './base/dialect.js';
export { systemClock, sleep, type Clock, type Timer } from './base/clock.js';

export { withoutOutputOnlyFields } from './schema/without-output-only-fields.js';
export { validateSchema, formatIssues, type SchemaKind, type SchemaResult, type SchemaOptions, type ApiVersion } from './schema/validate.js';
export type { SchemaIssue } from './schema/describe-error.js';
export type * from './generated/types.js';
export type * from './generated/beta-types.js';

export { createServer, nodeHandler } from './adapters/node-http.js';
export { expressHandler, type FrameworkOptions } from './adapters/express.js';
export { expressErrorHandler } from './adapters/express-error-handler.js';
export { cloudFunctionHandler } from './adapters/cloud-functions.js';
export { fetchHandler, type FetchHandlerOptions } from './adapters/fetch.js';
export type { Gateway, HttpRequest } from './http/gateway.js';
export type { ClientCertificate } from './http/client-certificate.js';
export type { ServerOptions, TlsOptions } from './http/server-options.js';

export type { Verifier, VerifierDescription, AuthRequest, AuthResult, Caller } from './auth/verifier.js';
export { apiKey, type ApiKeyOptions } from './auth/api-key.js';
export { basicAuth, type BasicAuthUser } from './auth/basic-auth.js';
export { hmacSignature, type HmacSignatureOptions } from './auth/hmac-signature.js';
export { sign, verify, type SignInput, type VerifyInput, type VerifyResult } from './auth/standard-webhooks.js';
export { googleIdToken, type GoogleIdTokenOptions } from './auth/google-id-token.js';
export { googleCerts, type GoogleCertsOptions, type KeySource } from './auth/google-certs.js';
export { anyOf } from './auth/any-of.js';
export { allOf } from './auth/all-of.js';
export { authFromEnv, type AuthDependencies } from './app/auth-from-env.js';

export type { HttpResult } from './http/http-result.js';
export type { Headers, HeadersInput } from './http/headers.js';
export type { BodyInput } from './http/json-body.js';

export type { Store } from './store/store.js';
export { MemoryStore } from './store/memory-store.js';
export { RedisStore, type RedisStoreOptions } from './store/redis-store.js';
export { Jobs, type JobOwner, type JobWork, type DeferOptions } from './jobs/jobs.js';
export type { JobState, JobFailure } from './jobs/job-state.js';
export { Cache, type CacheOptions } from './cache/cache.js';
export { CircuitBreaker, type CircuitBreakerOptions, type CircuitState } from './cache/circuit-breaker.js';
export { SingleFlight } from './cache/single-flight.js';
export { Metrics } from './telemetry/metrics.js';
export { shutdownGracefully } from './adapters/graceful-shutdown.js';
export type { CloseHook } from './core/lifecycle.js';

export type { Logger } from './logging/logger.js';
export type { LogLevel } from './logging/json-line-logger.js';
export { MemoryLogger, type LogRecord } from './logging/memory-logger.js';
export * from './errors.js';
