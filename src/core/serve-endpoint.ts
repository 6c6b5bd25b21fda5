import type { Caller } from '../auth/verifier.js';
import {
  DeadlineExceededError,
  FulfillerError,
  HandlerError,
  InternalError,
  InvalidRequestError,
  InvalidResponseError,
  MalformedJsonError,
  ShuttingDownError,
  UnsupportedMediaTypeError,
} from '../errors.js';
import { bodyWithin } from '../http/body-within.js';
import type { HttpRequest } from '../http/gateway.js';
import { errorResult, jsonResult, type HttpResult } from '../http/http-result.js';
import type { BodyInput } from '../http/json-body.js';
import { isJsonType } from '../http/json-type.js';
import { NO_VALUES, queryObject } from '../http/query-object.js';
import { LazyChild } from '../logging/lazy-child.js';
import { errorFields } from '../logging/log-format.js';
import type { Outcome } from '../telemetry/exchange.js';
import { tracedEndpoint } from '../telemetry/traced-endpoint.js';
import { withDeadline } from './deadline.js';
import { EndpointContext } from './endpoint-context.js';
import type { Endpoint } from './endpoints.js';
import { requestIdFrom } from './request-id.js';
import type { ServedApp } from './served-app.js';

/** How an endpoint call ended: its answer, and what observers are told. */
interface Answer {
  result: HttpResult;
  outcome: Exclude<Outcome, 'fallback'>;
  errorCode: string | undefined;
}

/**
 * One endpoint call, with everything the webhook has: the HTTP checks (415, 413), the
 * concurrency slot (taken by reading the body), readiness, the app's `auth` on the raw bytes,
 * then the path parameters, query and body checked against their schemas (400 naming the
 * field), the handler within its deadline, its result checked against the response schema, one
 * log line, a span, and the observers (metrics, recording).
 */
export async function serveEndpoint(
  app: ServedApp,
  request: HttpRequest,
  endpoint: Endpoint,
  rawParams: Readonly<Record<string, string>>,
): Promise<HttpResult> {
  const started = performance.now();
  const { pipeline } = app;
  const { options } = pipeline;
  const { headers } = request;
  const requestId = requestIdFrom(headers['x-request-id']);
  const idHeader = { 'x-request-id': requestId };
  const log = new LazyChild(options.logger, { requestId, endpoint: endpoint.label });
  let body: unknown;
  let params: unknown = rawParams;
  let query: unknown;
  let caller: Caller | undefined;
  try {
    if (endpoint.check.body !== undefined) {
      const type = headers['content-type'];
      if (type !== undefined && !isJsonType(type)) throw new UnsupportedMediaTypeError(type);
    }
    const raw = await bodyWithin(request, options.bodyLimit); // read even when unused: it takes the server's concurrency slot
    if (!app.ready) throw new ShuttingDownError();
    if (options.auth !== undefined || request.clientCertificate !== undefined) caller = await pipeline.callerOf(headers, raw, request.clientCertificate, log);
    const { check } = endpoint;
    if (check.params !== undefined) params = checked(check.params, { ...rawParams }, 'params', endpoint.label);
    if (check.query !== undefined) query = checked(check.query, queryObject(request.query), 'query', endpoint.label);
    else query = request.query === '' ? NO_VALUES : queryObject(request.query);
    if (check.body !== undefined) body = checked(check.body, parseJson(raw, endpoint.label), 'body', endpoint.label);
  } catch (error) {
    if (!(error instanceof FulfillerError)) throw error;
    log.info({ code: error.code, status: error.status, path: error.path }, 'request refused');
    return finish({ result: errorResult(error, idHeader), outcome: 'refused', errorCode: error.code });
  }

  const deadlineMs = endpoint.deadlineMs ?? options.deadlineMs;
  const context = new EndpointContext(endpoint, request, { body, params, query, caller, log, requestId }, options.clock.now() + deadlineMs);
  const answer = tracedEndpoint(endpoint.label, requestId, run);
  return finish(answer instanceof Promise ? await answer : answer);

  /** The handler's answer: at once when it returns a value, when its promise settles (within the deadline) when it returns one. */
  function run(): Answer | Promise<Answer> {
    let returned: unknown;
    let later: boolean;
    try {
      returned = endpoint.handler(context as never);
      later = typeof (returned as PromiseLike<unknown> | null | undefined)?.then === 'function';
    } catch (error) {
      context.abort(error);
      return failed(error);
    }
    return later ? settled(returned as PromiseLike<unknown>) : answered(returned);
  }

  async function settled(returned: PromiseLike<unknown>): Promise<Answer> {
    let value: unknown;
    let outcome: 'done' | 'timeout';
    try {
      const work = Promise.resolve(returned).then((result) => void (value = result));
      outcome = await withDeadline(work, deadlineMs, options.clock, (error) =>
        log.warn({ err: errorFields(error) }, 'an endpoint handler failed after its deadline; its answer had already been sent'),
      );
    } catch (error) {
      context.abort(error);
      return failed(error);
    }
    if (outcome === 'timeout') {
      const timeout = new DeadlineExceededError(deadlineMs);
      context.abort(timeout);
      log.warn({ deadlineMs }, 'deadline exceeded: answered 504');
      return { result: errorResult(timeout, idHeader), outcome: 'timeout', errorCode: timeout.code };
    }
    return answered(value);
  }

  function answered(value: unknown): Answer {
    const issue =
      value === undefined
        ? { path: '', message: 'is missing: the handler returned nothing (did it forget to return, or to await?)' }
        : endpoint.check.response(value);
    if (issue === undefined) return { result: jsonResult(endpoint.status, JSON.stringify(value), idHeader), outcome: 'handled', errorCode: undefined };
    const invalid = new InvalidResponseError(issue.message, issue.path, `response of ${endpoint.label}`);
    if (options.mode !== 'production') return { result: errorResult(invalid, idHeader), outcome: 'invalid-response', errorCode: invalid.code };
    log.error(
      { code: invalid.code, path: invalid.path, err: errorFields(invalid) },
      'the endpoint handler returned what its response schema refuses: answered 500',
    );
    return { result: errorResult(new InternalError(), idHeader), outcome: 'invalid-response', errorCode: invalid.code };
  }

  /** A coded error a handler throws (`httpError()`, a breaker's, a job's) is its answer; anything else is a 500 and a log line. */
  function failed(error: unknown): Answer {
    if (error instanceof FulfillerError) {
      const deliberate = error.status < 500;
      if (!deliberate) log.error({ err: errorFields(error), code: error.code }, 'an endpoint handler failed');
      return { result: errorResult(error, idHeader), outcome: deliberate ? 'handled' : 'error', errorCode: error.code };
    }
    const failure = new HandlerError(error);
    log.error({ err: errorFields(error), code: failure.code }, 'an endpoint handler failed: answered 500');
    return { result: errorResult(failure, idHeader), outcome: 'error', errorCode: failure.code };
  }

  function finish(answer: Answer): HttpResult {
    const ms = Math.round((performance.now() - started) * 100) / 100;
    const { result, outcome, errorCode } = answer;
    options.logger.info({ requestId, endpoint: endpoint.label, outcome, status: result.status, ms }, 'endpoint answered');
    pipeline.notify({
      requestId,
      dialect: undefined,
      headers,
      request: undefined,
      status: result.status,
      body: result.body,
      outcome,
      route: undefined,
      ms,
      errorCode,
      endpoint: { method: endpoint.method, template: endpoint.path, path: request.path, query: request.query, body },
    });
    return result;
  }
}

/** The value after its schema check (which may convert query and path values); a failure names the field under `where`. */
function checked(check: NonNullable<Endpoint['check']['query']>, value: unknown, where: string, label: string): unknown {
  const issue = check(value);
  if (issue !== undefined)
    throw new InvalidRequestError(
      issue.message,
      issue.path === '' ? where : `${where}${issue.path.startsWith('[') ? '' : '.'}${issue.path}`,
      `request to ${label}`,
    );
  return value;
}

function parseJson(raw: BodyInput, label: string): unknown {
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) return raw; // a framework parsed it already
  const text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new MalformedJsonError({ cause, expected: `a JSON body as the request schema of ${label} describes it (Content-Type: application/json)` });
  }
}
