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
import { bodyText, type BodyInput } from '../http/json-body.js';
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
export function serveEndpoint(app: ServedApp, request: HttpRequest, endpoint: Endpoint, rawParams: Readonly<Record<string, string>>): Promise<HttpResult> {
  return new EndpointCall(app, request, endpoint).serve(rawParams);
}

/** What one call carries from its start to its log line (an object rather than closures: a call costs one allocation). */
class EndpointCall {
  private readonly started = performance.now();
  private readonly options: ServedApp['pipeline']['options'];
  private readonly requestId: string;
  private readonly idHeader: Readonly<Record<string, string>>;
  private readonly log: LazyChild;
  /** The checked body, for the recording. */
  private body: unknown;

  constructor(
    private readonly app: ServedApp,
    private readonly request: HttpRequest,
    private readonly endpoint: Endpoint,
  ) {
    this.options = app.pipeline.options;
    this.requestId = requestIdFrom(request.headers['x-request-id']);
    this.idHeader = { 'x-request-id': this.requestId };
    this.log = new LazyChild(this.options.logger, { requestId: this.requestId, endpoint: endpoint.label });
  }

  async serve(rawParams: Readonly<Record<string, string>>): Promise<HttpResult> {
    const { app, request, endpoint, options } = this;
    let context: EndpointContext;
    try {
      if (endpoint.check.body !== undefined) {
        const type = request.headers['content-type'];
        if (type !== undefined && !isJsonType(type)) throw new UnsupportedMediaTypeError(type);
      }
      const raw = await bodyWithin(request, options.bodyLimit); // read even when unused: it takes the server's concurrency slot
      if (!app.ready) throw new ShuttingDownError();
      const authenticated = options.auth !== undefined || request.clientCertificate !== undefined;
      const caller = authenticated ? await app.pipeline.callerOf(request.headers, raw, request.clientCertificate, this.log) : undefined;
      context = this.checked(raw, caller, rawParams);
    } catch (error) {
      if (!(error instanceof FulfillerError)) throw error;
      this.log.info({ code: error.code, status: error.status, path: error.path }, 'request refused');
      return this.finish({ result: errorResult(error, this.idHeader), outcome: 'refused', errorCode: error.code });
    }
    const answer = tracedEndpoint(endpoint.label, this.requestId, () => this.run(context));
    return this.finish(answer instanceof Promise ? await answer : answer);
  }

  /** The handler's call: the path parameters, query and body checked against their schemas; throws the first failure's coded error. */
  private checked(raw: BodyInput, caller: Caller | undefined, rawParams: Readonly<Record<string, string>>): EndpointContext {
    const { request, endpoint } = this;
    const { check, label } = endpoint;
    const params = check.params === undefined ? rawParams : checkedValue(check.params, { ...rawParams }, 'params', label);
    let query: unknown;
    if (check.query !== undefined) query = checkedValue(check.query, queryObject(request.query), 'query', label);
    else query = request.query === '' ? NO_VALUES : queryObject(request.query);
    if (check.body !== undefined) this.body = checkedValue(check.body, parseJson(raw, label), 'body', label);
    const call = { body: this.body, params, query, caller, log: this.log, requestId: this.requestId };
    return new EndpointContext(endpoint, request, call, this.options.clock.now() + this.deadlineMs);
  }

  private get deadlineMs(): number {
    return this.endpoint.deadlineMs ?? this.options.deadlineMs;
  }

  /** The handler's answer: at once when it returns a value, when its promise settles (within the deadline) when it returns one. */
  private run(context: EndpointContext): Answer | Promise<Answer> {
    let returned: unknown;
    let later: boolean;
    try {
      returned = this.endpoint.handler(context as never);
      later = typeof (returned as PromiseLike<unknown> | null | undefined)?.then === 'function';
    } catch (error) {
      context.abort(error);
      return this.failed(error);
    }
    return later ? this.settled(returned as PromiseLike<unknown>, context) : this.answered(returned);
  }

  private async settled(returned: PromiseLike<unknown>, context: EndpointContext): Promise<Answer> {
    const { deadlineMs, log } = this;
    let value: unknown;
    let outcome: 'done' | 'timeout';
    try {
      const work = Promise.resolve(returned).then((result) => void (value = result));
      outcome = await withDeadline(work, deadlineMs, this.options.clock, (error) =>
        log.warn({ err: errorFields(error) }, 'an endpoint handler failed after its deadline; its answer had already been sent'),
      );
    } catch (error) {
      context.abort(error);
      return this.failed(error);
    }
    if (outcome === 'timeout') {
      const timeout = new DeadlineExceededError(deadlineMs);
      context.abort(timeout);
      log.warn({ deadlineMs }, 'deadline exceeded: answered 504');
      return { result: errorResult(timeout, this.idHeader), outcome: 'timeout', errorCode: timeout.code };
    }
    return this.answered(value);
  }

  private answered(value: unknown): Answer {
    const { endpoint, idHeader } = this;
    const issue =
      value === undefined
        ? { path: '', message: 'is missing: the handler returned nothing (did it forget to return, or to await?)' }
        : endpoint.check.response(value);
    if (issue === undefined) return { result: jsonResult(endpoint.status, JSON.stringify(value), idHeader), outcome: 'handled', errorCode: undefined };
    const invalid = new InvalidResponseError(issue.message, issue.path, `response of ${endpoint.label}`);
    if (this.options.mode !== 'production') return { result: errorResult(invalid, idHeader), outcome: 'invalid-response', errorCode: invalid.code };
    this.log.error(
      { code: invalid.code, path: invalid.path, err: errorFields(invalid) },
      'the endpoint handler returned what its response schema refuses: answered 500',
    );
    return { result: errorResult(new InternalError(), idHeader), outcome: 'invalid-response', errorCode: invalid.code };
  }

  /** A coded error a handler throws (`httpError()`, a breaker's, a job's) is its answer; anything else is a 500 and a log line. */
  private failed(error: unknown): Answer {
    const { idHeader, log } = this;
    if (error instanceof FulfillerError) {
      const deliberate = error.status < 500;
      if (!deliberate) log.error({ err: errorFields(error), code: error.code }, 'an endpoint handler failed');
      return { result: errorResult(error, idHeader), outcome: deliberate ? 'handled' : 'error', errorCode: error.code };
    }
    const failure = new HandlerError(error);
    log.error({ err: errorFields(error), code: failure.code }, 'an endpoint handler failed: answered 500');
    return { result: errorResult(failure, idHeader), outcome: 'error', errorCode: failure.code };
  }

  private finish(answer: Answer): HttpResult {
    const { endpoint, request, requestId } = this;
    const ms = Math.round((performance.now() - this.started) * 100) / 100;
    const { result, outcome, errorCode } = answer;
    this.options.logger.info({ requestId, endpoint: endpoint.label, outcome, status: result.status, ms }, 'endpoint answered');
    this.app.pipeline.notify({
      requestId,
      dialect: undefined,
      headers: request.headers,
      request: undefined,
      status: result.status,
      body: result.body,
      outcome,
      route: undefined,
      ms,
      errorCode,
      endpoint: { method: endpoint.method, template: endpoint.path, path: request.path, query: request.query, body: this.body },
    });
    return result;
  }
}

/** The value after its schema check (which may convert query and path values); a failure names the field under `where`. */
function checkedValue(check: NonNullable<Endpoint['check']['query']>, value: unknown, where: string, label: string): unknown {
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
  try {
    return JSON.parse(bodyText(raw));
  } catch (cause) {
    throw new MalformedJsonError({ cause, expected: `a JSON body as the request schema of ${label} describes it (Content-Type: application/json)` });
  }
}
