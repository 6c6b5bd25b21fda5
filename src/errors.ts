/**
 * Coded errors. Every failure the library reports is one of these classes, with a stable `code`
 * (documented in docs/errors.md), the HTTP `status` and `headers` it is answered with, and the
 * underlying `cause`. Messages say how to fix the problem; they never contain secrets or stack
 * traces. `errorResult()` (src/http/http-result.ts) is the one place an error becomes an answer.
 */
export class FulfillerError extends Error {
  /** Stable machine-readable code, e.g. `ERR_INVALID_REQUEST`. */
  readonly code: string;
  /** HTTP status this error is answered with when it reaches the edge. */
  readonly status: number;
  /** Field path the error is about (`queryResult.intent`), when there is one. */
  readonly path: string | undefined;
  /** Headers the answer carries besides the JSON type: `Allow`, `Retry-After`, `Connection: close`. */
  readonly headers: Readonly<Record<string, string>>;

  constructor(code: string, status: number, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.path = options.path;
    this.headers = options.headers ?? NO_HEADERS;
  }

  /** The JSON body sent to the caller: code, message and path only. */
  toJSON(): { error: { code: string; message: string; path?: string } } {
    const error: { code: string; message: string; path?: string } = { code: this.code, message: this.message };
    if (this.path !== undefined) error.path = this.path;
    return { error };
  }
}

/** What a coded error may carry besides its code, status and message. */
export interface ErrorOptions {
  cause?: unknown;
  path?: string;
  headers?: Readonly<Record<string, string>>;
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

type Opts = { cause?: unknown; path?: string };

/** The body is not JSON text. `expected` says what to send instead (default: the WebhookRequest). */
export class MalformedJsonError extends FulfillerError {
  constructor(options: Opts & { expected?: string } = {}) {
    super('ERR_MALFORMED_JSON', 400, `The request body is not valid JSON. Send ${options.expected ?? 'the WebhookRequest as a JSON object'}.`, options);
  }
}

/** The body is JSON, but not an object (an array, a string, null...). */
export class BodyNotObjectError extends FulfillerError {
  constructor(kind: string) {
    super('ERR_BODY_NOT_OBJECT', 400, `The request body must be a JSON object (a WebhookRequest), not ${kind}.`, { path: '' });
  }
}

/** Neither a CX nor an ES WebhookRequest (`es-v1`: an ES v1 request, whose API Google shut down). */
export class UnknownDialectError extends FulfillerError {
  constructor(kind: 'unknown' | 'es-v1' = 'unknown') {
    super(
      'ERR_UNKNOWN_DIALECT',
      400,
      kind === 'es-v1'
        ? 'This is a Dialogflow ES v1 webhook request (result, sessionId): Google shut the v1 API down in 2019. Set the agent to API V2 in its settings, so that it sends ES v2 requests (responseId, queryResult, session).'
        : 'Cannot tell a Dialogflow CX request (detectIntentResponseId, fulfillmentInfo, sessionInfo) from an ES request (responseId, queryResult, session) in this body.',
      { path: '' },
    );
  }
}

/**
 * The request does not match its schema: a WebhookRequest of its dialect, or an endpoint's
 * request schema (`subject` names it: `request to POST /customers/validate`).
 */
export class InvalidRequestError extends FulfillerError {
  constructor(message: string, path: string, subject = 'WebhookRequest') {
    super('ERR_INVALID_REQUEST', 400, `Invalid ${subject}: ${path === '' ? '' : `${path}: `}${message}`, { path });
  }
}

/** Content-Type other than JSON, or none (what a cross-site form can send). */
export class UnsupportedMediaTypeError extends FulfillerError {
  constructor(contentType: string | undefined) {
    const what = contentType === undefined ? 'The request has no Content-Type' : `Content-Type "${contentType.slice(0, 100)}" is not supported`;
    super('ERR_UNSUPPORTED_MEDIA_TYPE', 415, `${what}: send application/json.`);
  }
}

/** The request body is larger than the configured limit. */
export class BodyTooLargeError extends FulfillerError {
  constructor(limit: number) {
    // The rest of the body is not read: the connection cannot be used for another request.
    super('ERR_BODY_TOO_LARGE', 413, `The request body is larger than ${limit} bytes (option bodyLimit).`, { headers: { connection: 'close' } });
  }
}

/**
 * The body stopped before its end: the client went away, or was slower than the server's
 * `requestTimeoutMs` (node then answered 408 itself and closed the connection).
 */
export class RequestIncompleteError extends FulfillerError {
  constructor(cause?: unknown) {
    super('ERR_REQUEST_INCOMPLETE', 408, 'The request body did not arrive in full: send it within requestTimeoutMs (30 s by default).', {
      cause,
      headers: { connection: 'close' },
    });
  }
}

/** A method the path does not take: anything but POST on the webhook, but GET/HEAD on a probe. */
export class MethodNotAllowedError extends FulfillerError {
  constructor(method: string, allow: readonly string[] = ['POST']) {
    const what = allow.length === 1 && allow[0] === 'POST' ? 'the webhook: Dialogflow sends POST' : `this path: use ${allow.join(' or ')}`;
    super('ERR_METHOD_NOT_ALLOWED', 405, `Method ${method.slice(0, 20)} is not allowed on ${what}.`, { headers: { allow: allow.join(', ') } });
  }
}

/** No such path on the standalone server. */
export class NotFoundError extends FulfillerError {
  constructor(
    message = "Not found. The webhook is POST /webhook; health checks are GET /healthz and GET /readyz; the app's endpoints are listed by `fulfiller openapi`.",
  ) {
    super('ERR_NOT_FOUND', 404, message);
  }
}

/** The server is shutting down and takes no new work. */
export class ShuttingDownError extends FulfillerError {
  constructor() {
    super('ERR_SHUTTING_DOWN', 503, 'The server is shutting down. Retry on another instance.');
  }
}

/** Missing or wrong credentials. The message is fixed: a caller learns nothing about why. */
export class UnauthenticatedError extends FulfillerError {
  constructor() {
    super('ERR_UNAUTHENTICATED', 401, 'Authentication required.');
  }
}

/** The caller proved who it is, but is not one of those allowed. The message is fixed. */
export class ForbiddenError extends FulfillerError {
  constructor() {
    super('ERR_FORBIDDEN', 403, 'Forbidden.');
  }
}

/** More webhook calls in progress than the server's `maxConcurrent`; answered with `Retry-After`. */
export class OverloadedError extends FulfillerError {
  constructor() {
    super('ERR_OVERLOADED', 503, 'The server is busy. Retry shortly.', { headers: { 'retry-after': '1' } });
  }
}

/**
 * The response a handler built is not a valid WebhookResponse, or an endpoint's handler returned
 * what its response schema refuses (`subject`: `response of GET /orders/{orderNumber}`).
 */
export class InvalidResponseError extends FulfillerError {
  constructor(message: string, path: string, subject = 'WebhookResponse') {
    super('ERR_INVALID_RESPONSE', 500, `The handler built an invalid ${subject}: ${path === '' ? '' : `${path}: `}${message}`, { path });
  }
}

/**
 * The response sets a field the protos mark output only (`endInteraction`, `mixedAudio`,
 * `allowPlaybackInterruption`): Dialogflow would take the response but ignore the field, so
 * the handler would not get what it asked for. `message` is the schema issue's, which says
 * what to do instead.
 */
export class OutputOnlyFieldError extends FulfillerError {
  constructor(message: string, path: string) {
    super('ERR_OUTPUT_ONLY_FIELD', 500, `The handler set a field that Dialogflow ignores in a WebhookResponse: ${path}: ${message}`, { path });
  }
}

/** The serialised response exceeds Dialogflow's 64 KiB limit. */
export class ResponseTooLargeError extends FulfillerError {
  constructor(size: number, limit: number) {
    super('ERR_RESPONSE_TOO_LARGE', 500, `The WebhookResponse is ${size} bytes; Dialogflow accepts at most ${limit}. Send fewer or smaller messages.`);
  }
}

/** A handler (or its backend) threw. The caller gets the apology; this is what is logged. */
export class HandlerError extends FulfillerError {
  constructor(cause: unknown) {
    super('ERR_HANDLER_FAILED', 500, 'A handler threw an error.', { cause });
  }
}

/** The handler was still running when the turn's time budget ran out. */
export class DeadlineExceededError extends FulfillerError {
  constructor(ms: number) {
    super('ERR_DEADLINE_EXCEEDED', 504, `The handler did not finish within its ${ms} ms budget (option deadlineMs).`);
  }
}

/** Middleware called next() more than once. */
export class NextCalledTwiceError extends FulfillerError {
  constructor() {
    super('ERR_NEXT_CALLED_TWICE', 500, 'next() was called more than once in one middleware. Call it at most once.');
  }
}

/** A transition target (page or flow) could not be turned into a resource name. */
export class UnresolvedTargetError extends FulfillerError {
  constructor(message: string) {
    super('ERR_UNRESOLVED_TARGET', 500, message);
  }
}

/** A CX form parameter that the page's form does not have. */
export class UnknownFormParameterError extends FulfillerError {
  constructor(name: string, known: readonly string[]) {
    super(
      'ERR_UNKNOWN_FORM_PARAMETER',
      500,
      `The current page's form has no parameter "${name}" (it has: ${known.join(', ') || 'none'}). A webhook cannot add form parameters.`,
    );
  }
}

/** Something failed that should not have; details are in the log only. */
export class InternalError extends FulfillerError {
  constructor() {
    super('ERR_INTERNAL', 500, 'Internal error. The server log has the details.');
  }
}

/** A function of the library was called with an argument it cannot use (`app.use(42)`). Thrown at the call, never per request. */
export class InvalidArgumentError extends FulfillerError {
  constructor(message: string) {
    super('ERR_INVALID_ARGUMENT', 500, message);
  }
}

/** A configuration value is wrong. Thrown at start-up, never per request. */
export class InvalidOptionError extends FulfillerError {
  constructor(message: string) {
    super('ERR_INVALID_OPTION', 500, message);
  }
}

/**
 * An app module could not be loaded, or its setup failed. `inAppCode` is true when the cause
 * happened in the app's own code (it threw, or does not parse): its stack is worth showing.
 */
export class AppModuleError extends FulfillerError {
  readonly inAppCode: boolean;
  /** The app module's absolute path, when it is known. */
  readonly file: string | undefined;
  constructor(message: string, cause?: unknown, options: { inAppCode?: boolean; file?: string } = {}) {
    super('ERR_APP_MODULE', 500, message, { cause });
    this.inAppCode = options.inAppCode ?? false;
    this.file = options.file;
  }
}

/** The `fulfiller` command line is wrong: an unknown command or option, a missing value or argument. */
export class UsageError extends FulfillerError {
  constructor(message: string) {
    super('ERR_USAGE', 400, message);
  }
}

/** A file or directory named on the `fulfiller` command line does not exist or cannot be read. */
export class UnreadableInputError extends FulfillerError {
  constructor(path: string, reason: string) {
    super('ERR_UNREADABLE_INPUT', 400, `Cannot read ${path}: ${reason}.`);
  }
}

/**
 * The shared store (Redis) did not answer, or is known to be down since a command went
 * unanswered a moment ago (`knownDown`: refused without waiting); the turn gets the apology.
 */
export class StoreUnavailableError extends FulfillerError {
  constructor(operation: string, cause: unknown, knownDown = false) {
    const what = knownDown ? `is known to be down (refused a ${operation} without waiting)` : `did not answer a ${operation}`;
    super('ERR_STORE_UNAVAILABLE', 503, `The store ${what}: check that Redis (REDIS_URL) is up and reachable.`, { cause });
  }
}

/** A backend call took longer than its `timeoutMs`; it counts as a failure for the circuit breaker. */
export class BackendTimeoutError extends FulfillerError {
  constructor(name: string, ms: number) {
    super('ERR_BACKEND_TIMEOUT', 504, `The backend "${name}" did not answer within ${ms} ms (option timeoutMs).`);
  }
}

/** The circuit breaker of a backend is open after repeated failures: calls fail fast until it half-opens. */
export class CircuitOpenError extends FulfillerError {
  constructor(name: string, retryInMs: number) {
    super('ERR_CIRCUIT_OPEN', 503, `The backend "${name}" failed repeatedly; calls are refused for another ${retryInMs} ms to let it recover.`);
  }
}

/** A deferred job failed; `jobCode` is the code it failed with (its cause may be on another instance). */
export class JobFailedError extends FulfillerError {
  readonly jobCode: string;
  constructor(key: string, failure: { code: string; message: string }) {
    super('ERR_JOB_FAILED', 500, `The job "${key}" failed (${failure.code}): ${failure.message}`);
    this.jobCode = failure.code;
  }
}

/** A deferred job ran past its `timeoutMs` and was aborted. */
export class JobTimeoutError extends FulfillerError {
  constructor(ms: number) {
    super('ERR_JOB_TIMEOUT', 504, `The job did not finish within ${ms} ms (option timeoutMs of jobs.defer()).`);
  }
}

/** A deferred job was stopped by a shutdown, or its instance went away; deferring it again starts it anew. */
export class JobInterruptedError extends FulfillerError {
  constructor() {
    super('ERR_JOB_INTERRUPTED', 503, 'The job was interrupted before it finished (the instance running it shut down). Defer it again.');
  }
}

/** A job's result cannot be kept in the store: it must be JSON (plain objects, arrays, strings, numbers, booleans, null). */
export class JobResultError extends FulfillerError {
  constructor(cause: unknown) {
    super('ERR_JOB_RESULT', 500, 'The job returned a value that is not JSON-serialisable; return plain data.', { cause });
  }
}

/** Google's public keys for ID tokens could not be fetched; the call is refused (401) and the reason logged. */
export class GoogleCertsError extends FulfillerError {
  constructor(reason: string, cause?: unknown) {
    super(
      'ERR_GOOGLE_CERTS',
      503,
      `Google's signing certificates are not available: ${reason}. Check outbound HTTPS to the certificates URL (FULFILLER_GOOGLE_CERTS_URL).`,
      { cause },
    );
  }
}

/**
 * An OpenTelemetry SDK is registered, but this library cannot make spans with it: logged once
 * as a warning, and the app runs untraced.
 */
export class OpenTelemetryApiError extends FulfillerError {
  constructor(reason: string) {
    super(
      'ERR_OPENTELEMETRY_API',
      500,
      `Tracing is off: ${reason}. Install one @opentelemetry/api, 1.3 or later, in the app (npm install @opentelemetry/api@1; \`npm ls @opentelemetry/api\` shows the copies).`,
    );
  }
}

/** `fulfiller replay --url` or a test client could not reach the webhook at all (no HTTP answer). */
export class TargetUnreachableError extends FulfillerError {
  constructor(url: string, reason: string) {
    super('ERR_TARGET_UNREACHABLE', 502, `Cannot reach ${url}: ${reason}. Is the webhook running, and is the URL right?`);
  }
}

/** A test's reply does not meet what `expectReply()` expected. */
export class ExpectationError extends FulfillerError {
  constructor(details: string) {
    super('ERR_EXPECTATION_FAILED', 500, `The answer does not meet the expectation:\n${details}`);
  }
}

/** A fixture file is not JSON, breaks the fixture format, or holds a request that breaks its schema. */
export class InvalidFixtureError extends FulfillerError {
  constructor(file: string, path: string, message: string) {
    super('ERR_INVALID_FIXTURE', 400, `${file}: ${path === '' ? '' : `${path}: `}${message}`, { path });
  }
}

/** An agent export (a .zip or a folder) that is missing or cannot be read. */
export class AgentUnreadableError extends FulfillerError {
  constructor(path: string, reason: string) {
    super('ERR_AGENT_UNREADABLE', 400, `Cannot read the agent export ${path}: ${reason}. Give the .zip the console exported, or the folder it unzips to.`);
  }
}

/** A .zip export that is corrupt, truncated, encrypted or compressed in a way a Dialogflow export never is. */
export class AgentZipError extends FulfillerError {
  constructor(path: string, reason: string, cause?: unknown) {
    super('ERR_AGENT_ZIP', 400, `${path} is not a readable zip (${reason}). Export the agent again, or unzip it and give the folder.`, { cause });
  }
}

/** A zip entry whose name climbs out of the export (`../`) or names a drive. Nothing is read. */
export class AgentUnsafeEntryError extends FulfillerError {
  constructor(path: string, entry: string) {
    super(
      'ERR_AGENT_UNSAFE_ENTRY',
      400,
      `${path}: the entry "${entry.slice(0, 200)}" points outside the export (".." or a drive). A Dialogflow export never does: do not use this file.`,
    );
  }
}

/** An export over the size or entry limit: a zip bomb, or not a Dialogflow export. */
export class AgentTooLargeError extends FulfillerError {
  constructor(path: string, what: string) {
    super(
      'ERR_AGENT_TOO_LARGE',
      400,
      `${path}: ${what}. The limit guards against zip bombs; a Dialogflow export is far smaller, so check that this is the export you meant.`,
    );
  }
}

/** A JSON file of an export that does not parse. */
export class AgentJsonError extends FulfillerError {
  constructor(file: string, where: string, reason: string) {
    super('ERR_AGENT_JSON', 400, `${file}${where}: ${reason}. Fix the file, or export the agent again.`);
  }
}

/** A JSON file of an export whose content is not what Dialogflow writes there (`path` names the field). */
export class AgentFormatError extends FulfillerError {
  constructor(file: string, path: string, message: string) {
    super('ERR_AGENT_FORMAT', 400, `${file}: ${path === '' ? '' : `${path}: `}${message}`, { path });
  }
}

/** Two flows, pages, intents, entity types, webhooks or route groups with one display name. */
export class AgentDuplicateNameError extends FulfillerError {
  constructor(what: string, name: string, files: readonly [string, string]) {
    super(
      'ERR_AGENT_DUPLICATE_NAME',
      400,
      `Two ${what} are named "${name}": ${files[0]} and ${files[1]}. Display names must be unique: rename one in the console and export again.`,
    );
  }
}

/** A folder or zip that holds no Dialogflow agent export (no agent.json), or nothing at all. */
export class NotAnAgentError extends FulfillerError {
  constructor(path: string, reason: string) {
    super('ERR_NOT_AN_AGENT', 400, `${path} is not a Dialogflow agent export: ${reason}.`);
  }
}

/** A Dialogflow CX export in the binary ("blob") format, which only Dialogflow itself can read. */
export class AgentBlobExportError extends FulfillerError {
  constructor(path: string) {
    super(
      'ERR_AGENT_BLOB_EXPORT',
      400,
      `${path} is not a zip of JSON files: it looks like a Dialogflow CX binary ("blob") export. Export the agent again with Data format "JSON package" (console: Agent settings › Export; API: dataFormat JSON_PACKAGE).`,
    );
  }
}

/** A `fulfiller lint` config or baseline file that cannot be read or breaks its format. */
export class LintConfigError extends FulfillerError {
  constructor(file: string, message: string) {
    super('ERR_LINT_CONFIG', 400, `${file}: ${message}`);
  }
}

/** A request to the playground without its per-start token, or from a host name that is not its own. */
export class PlayForbiddenError extends FulfillerError {
  constructor(reason: string) {
    super('ERR_PLAY_FORBIDDEN', 403, `${reason} Open the URL that \`fulfiller play\` printed (it carries ?token=…).`);
  }
}

/** The playground's page sent something the playground cannot use; the page is older or newer than the playground. */
export class PlayRequestError extends FulfillerError {
  constructor(path: string, message: string) {
    super('ERR_PLAY_REQUEST', 400, `The page sent ${path === '' ? 'a request' : path} that ${message}: reload the page.`, { path });
  }
}

/** A fixture name that is empty, oddly spelled, or would leave the fixtures folder. */
export class FixtureNameError extends FulfillerError {
  constructor(name: string, dir: string) {
    super(
      'ERR_FIXTURE_NAME',
      400,
      `"${name.slice(0, 100)}" cannot be a fixture name: use letters, digits, "-", "_", "." and "/" between folders, like order-status or cx/order-status, so that the file stays inside ${dir}.`,
    );
  }
}

/** Saving a fixture over one that is already there, without saying so. */
export class FixtureExistsError extends FulfillerError {
  constructor(file: string) {
    super('ERR_FIXTURE_EXISTS', 409, `${file} exists already: choose another name, or replace it.`);
  }
}

/** The webhook a tool was pointed at answered with something other than JSON (an HTML page, plain text). */
export class WebhookNotJsonError extends FulfillerError {
  constructor(url: string, status: number, contentType: string) {
    super(
      'ERR_WEBHOOK_NOT_JSON',
      502,
      `The webhook at ${url} answered ${status} with ${contentType || 'no content type'}, not JSON: check that the URL is the webhook's own path (such as /webhook) and not a web page.`,
    );
  }
}

/** A path parameter that could reach another resource (`..`, an encoded slash) or is not decodable; refused before any handler runs. */
export class InvalidPathParameterError extends FulfillerError {
  constructor(name: string, reason: string) {
    super('ERR_INVALID_PATH_PARAMETER', 400, `The path parameter "${name}" ${reason}: send the value percent-encoded, without slashes or dot segments.`, {
      path: `params.${name}`,
    });
  }
}

/**
 * What an endpoint handler throws to answer with an HTTP error of its own: a 4xx or 5xx status,
 * a stable code of the app's choosing and a message for the caller (`httpError()` makes one).
 * The body is `{ error: { code, message, path? } }`, like every other error.
 */
export class EndpointError extends FulfillerError {
  constructor(status: number, message: string, options: { code?: string; path?: string; headers?: Readonly<Record<string, string>>; cause?: unknown } = {}) {
    super(options.code ?? `ERR_HTTP_${status}`, status, message, options);
  }
}

/** A Dialogflow CX request reached a handler written for dialogflow-fulfillment, which serves ES v2 only. */
export class CompatDialectError extends FulfillerError {
  constructor() {
    super(
      'ERR_COMPAT_ES_ONLY',
      400,
      'This webhook runs dialogflow-fulfillment code (WebhookClient), which serves Dialogflow ES v2 requests only, and this is a CX request. Port the handlers to the native API (app.tag(), turn.say()) to serve CX: docs/migrating-from-dialogflow-fulfillment.md.',
      { path: '' },
    );
  }
}

/** `agent.conv()`: Actions on Google conversations no longer exist. */
export class ActionsOnGoogleShutDownError extends FulfillerError {
  constructor() {
    super(
      'ERR_ACTIONS_ON_GOOGLE',
      500,
      'agent.conv() returns an Actions on Google conversation, and Google shut Conversational Actions down in June 2023: no request comes from the Assistant any more. Remove the conv() code and answer with agent.add() (where the code tested `if (conv)`, keep the other branch).',
    );
  }
}

/** A handler mounted with `compat(app, handler)` wrote its answer to the response instead of answering through its WebhookClient. */
export class CompatResponseError extends FulfillerError {
  constructor(method: string) {
    super(
      'ERR_COMPAT_RESPONSE',
      500,
      `The mounted handler answered through response.${method}(): answer through the WebhookClient (agent.add(), agent.handleRequest()), which the app sends.`,
    );
  }
}
