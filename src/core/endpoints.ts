import { InvalidArgumentError } from '../errors.js';
import { PathTemplate } from '../http/path-template.js';
import { NO_VALUES } from '../http/query-object.js';
import { compileJsonSchema, type JsonSchemaCheck, type JsonSchemaDocument } from '../schema/json-schema.js';
import type { EndpointDefinition, EndpointHandler, EndpointInfo, EndpointMethod } from './endpoint.js';
import { checkDeadline } from './options.js';

const METHODS: readonly EndpointMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const BODY_REQUIRED: readonly EndpointMethod[] = ['POST', 'PUT', 'PATCH'];
/** Paths the standalone server keeps for itself. */
const RESERVED = ['/webhook', '/healthz', '/readyz', '/metrics'];

/** A registered endpoint with its compiled checks. */
export interface Endpoint extends EndpointInfo {
  readonly template: PathTemplate;
  readonly handler: EndpointHandler;
  readonly deadlineMs: number | undefined;
  readonly check: {
    readonly body: JsonSchemaCheck | undefined;
    readonly response: JsonSchemaCheck;
    readonly query: JsonSchemaCheck | undefined;
    readonly params: JsonSchemaCheck | undefined;
  };
  /** `GET /orders/{orderNumber}`: the label of logs, metrics and spans. */
  readonly label: string;
}

/** What a request path is to the endpoints: one of them with its parameters, a path they know under other methods, or nothing. */
export type EndpointMatch = { endpoint: Endpoint; params: Readonly<Record<string, string>> } | { allow: readonly string[] } | undefined;

/**
 * The app's endpoints. Registration checks everything it can (method, path, schemas, no two
 * endpoints for one method and path shape) so that a mistake stops the start, not a call.
 * Matching looks a path up among the templates without parameters, then tries the templates of
 * the path's length, fixed segments before parameters.
 */
export class Endpoints {
  private readonly byLength = new Map<number, Endpoint[]>();
  /** The endpoints whose paths have no parameters, by path: found without splitting the path. */
  private readonly fixed = new Map<string, Endpoint[]>();
  private readonly all: Endpoint[] = [];

  get size(): number {
    return this.all.length;
  }

  /** The endpoints in registration order. */
  list(): readonly EndpointInfo[] {
    return this.all;
  }

  add(definition: EndpointDefinition, handler: EndpointHandler): Endpoint {
    if (definition === null || typeof definition !== 'object') {
      throw new InvalidArgumentError('app.endpoint() takes a definition { method, path, description, request?, response } and a handler.');
    }
    if (typeof handler !== 'function') throw new InvalidArgumentError('app.endpoint(): the handler must be a function (call) => result.');
    const { method } = definition;
    if (!METHODS.includes(method))
      throw new InvalidArgumentError(`app.endpoint(): method must be one of ${METHODS.join(', ')}, not ${JSON.stringify(method)}.`);
    const template = new PathTemplate(definition.path);
    const label = `${method} ${template.template}`;
    if (RESERVED.includes(template.template)) {
      throw new InvalidArgumentError(`app.endpoint(): ${template.template} is the standalone server's own path (the webhook and probes): choose another path.`);
    }
    if (typeof definition.description !== 'string' || definition.description.trim() === '') {
      throw new InvalidArgumentError(
        `app.endpoint(${label}): give a description; the OpenAPI document shows it to the model that decides when to call the endpoint.`,
      );
    }
    if (BODY_REQUIRED.includes(method) && definition.request === undefined) {
      throw new InvalidArgumentError(`app.endpoint(${label}): a ${method} endpoint needs a request schema for its JSON body.`);
    }
    if (method === 'GET' && definition.request !== undefined)
      throw new InvalidArgumentError(`app.endpoint(${label}): a GET endpoint takes no body; use query or path parameters.`);
    if (definition.response === undefined) throw new InvalidArgumentError(`app.endpoint(${label}): give the response schema of what the handler returns.`);
    const status = definition.status ?? 200;
    if (!Number.isInteger(status) || status < 200 || status > 299 || status === 204) {
      throw new InvalidArgumentError(`app.endpoint(${label}): status must be a 2xx status with a body (not 204), not ${String(definition.status)}.`);
    }
    if (definition.deadlineMs !== undefined) checkDeadline(definition.deadlineMs, `app.endpoint(${label}) deadlineMs`);
    const duplicate = this.all.find((e) => e.method === method && e.template.shape === template.shape);
    if (duplicate !== undefined) throw new InvalidArgumentError(`app.endpoint(${label}): ${duplicate.label} already serves this method and path.`);
    const operationId = definition.operationId ?? operationIdOf(method, template);
    if (!/^[A-Za-z_][\w.-]*$/.test(operationId))
      throw new InvalidArgumentError(`app.endpoint(${label}): operationId "${operationId}" must be letters, digits, _ . and -.`);
    if (this.all.some((e) => e.operationId === operationId)) throw new InvalidArgumentError(`app.endpoint(${label}): operationId "${operationId}" is taken.`);
    const compile = (schema: unknown, what: string, coerce = false): JsonSchemaCheck | undefined =>
      schema === undefined ? undefined : compileJsonSchema(schema as JsonSchemaDocument, `The ${what} schema of ${label}`, { coerce });
    const endpoint: Endpoint = {
      method,
      path: template.template,
      description: definition.description,
      summary: definition.summary,
      operationId,
      request: definition.request,
      response: definition.response,
      query: definition.query,
      params: definition.params,
      pathParams: template.params,
      status,
      template,
      handler,
      deadlineMs: definition.deadlineMs,
      label,
      check: {
        body: compile(definition.request, 'request'),
        response: compile(definition.response, 'response')!,
        query: compile(definition.query, 'query', true),
        params: compile(definition.params, 'params', true),
      },
    };
    this.all.push(endpoint);
    const same = this.byLength.get(template.length) ?? [];
    same.push(endpoint);
    same.sort((a, b) => (a.template.specificity < b.template.specificity ? -1 : a.template.specificity > b.template.specificity ? 1 : 0));
    this.byLength.set(template.length, same);
    if (template.params.length === 0) this.fixed.set(template.template, [...(this.fixed.get(template.template) ?? []), endpoint]);
    return endpoint;
  }

  /** The endpoint for a method and path, the methods the path takes (405), or undefined. Throws ERR_INVALID_PATH_PARAMETER. */
  match(method: string, path: string): EndpointMatch {
    const fixed = this.fixed.get(path);
    if (fixed !== undefined) {
      for (const endpoint of fixed) if (endpoint.method === method) return { endpoint, params: NO_VALUES };
    }
    const parts = path.split('/');
    const candidates = this.byLength.get(parts.length - 1);
    if (candidates === undefined) return undefined;
    let allow: string[] | undefined;
    for (const endpoint of candidates) {
      const params = endpoint.template.match(parts);
      if (params === undefined) continue;
      if (endpoint.method === method) return { endpoint, params };
      (allow ??= []).push(endpoint.method);
    }
    return allow === undefined ? undefined : { allow };
  }
}

/** `GET /orders/{orderNumber}` → `getOrdersByOrderNumber`. */
function operationIdOf(method: string, template: PathTemplate): string {
  const words = template.template
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      const param = /^\{(\w+)\}$/.exec(segment)?.[1];
      const word = (param ?? segment).replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase());
      return `${param === undefined ? '' : 'By'}${word.charAt(0).toUpperCase()}${word.slice(1)}`;
    });
  return `${method.toLowerCase()}${words.join('')}`;
}
