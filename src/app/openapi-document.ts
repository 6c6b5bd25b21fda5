import { authSchemesOf, type AuthScheme } from '../auth/auth-schemes.js';
import type { Verifier } from '../auth/verifier.js';
import type { EndpointInfo } from '../core/endpoint.js';
import type { JsonSchemaDocument } from '../schema/json-schema.js';
import { toOpenApiSchema } from '../schema/openapi-schema.js';

/** Options of `app.openapi()` and `fulfiller openapi`. */
export interface OpenApiOptions {
  /** The server's base URL, as a playbook tool will call it: `https://orders.example.com`. */
  server?: string;
  /** Default `Fulfillment endpoints`. */
  title?: string;
  /** The API's version. Default `1.0.0`. */
  version?: string;
  /** What the whole API is for, shown before the operations. */
  description?: string;
}

type Json = Record<string, unknown>;

const ERROR_SCHEMA = {
  type: 'object',
  description: 'Every error answer: a stable code, a message saying what is wrong, and the field it is about.',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', example: 'ERR_INVALID_REQUEST' },
        message: { type: 'string' },
        path: { type: 'string', example: 'body.customerId' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['error'],
};

/**
 * An OpenAPI 3.0 document of an app's endpoints, to paste into a Dialogflow CX playbook tool:
 * each endpoint an operation with its operationId and description (what the model reads to
 * decide when to call it), its path and query parameters, request and response schemas, the
 * error answers, and the security schemes of the app's `auth` (API key header, basic, Google ID
 * token as a bearer JWT). HMAC signatures cannot be described in OpenAPI and are left out.
 */
export function openApiDocument(endpoints: readonly EndpointInfo[], auth: Verifier | undefined, options: OpenApiOptions = {}): Json {
  const paths: Record<string, Json> = {};
  for (const endpoint of endpoints) {
    const item = (paths[endpoint.path] ??= {});
    item[endpoint.method.toLowerCase()] = operation(endpoint, auth !== undefined);
  }
  const document: Json = {
    openapi: '3.0.3',
    info: {
      title: options.title ?? 'Fulfillment endpoints',
      version: options.version ?? '1.0.0',
      ...(options.description === undefined ? {} : { description: options.description }),
    },
  };
  if (options.server !== undefined) document.servers = [{ url: options.server }];
  document.paths = paths;
  const components: Json = { schemas: { Error: ERROR_SCHEMA } };
  const security = auth === undefined ? undefined : securityOf(auth);
  if (security !== undefined) {
    components.securitySchemes = security.schemes;
    document.security = security.requirements;
  }
  document.components = components;
  return document;
}

function operation(endpoint: EndpointInfo, guarded: boolean): Json {
  const op: Json = { operationId: endpoint.operationId };
  if (endpoint.summary !== undefined) op.summary = endpoint.summary;
  op.description = endpoint.description;
  const parameters = [...pathParameters(endpoint), ...queryParameters(endpoint.query)];
  if (parameters.length > 0) op.parameters = parameters;
  if (endpoint.request !== undefined)
    op.requestBody = { required: true, content: { 'application/json': { schema: toOpenApiSchema(endpoint.request as JsonSchemaDocument) } } };
  const error = (description: string): Json => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const responses: Json = {
    [String(endpoint.status)]: {
      description: 'The result.',
      content: { 'application/json': { schema: toOpenApiSchema(endpoint.response as JsonSchemaDocument) } },
    },
    '400': error('The request breaks its schema; `error.path` names the field.'),
  };
  if (guarded) responses['401'] = error('Missing or wrong credentials.');
  responses['500'] = error('The handler failed.');
  responses['504'] = error('The handler did not finish in time.');
  op.responses = responses;
  return op;
}

function pathParameters(endpoint: EndpointInfo): Json[] {
  const properties = schemaProperties(endpoint.params);
  return endpoint.pathParams.map((name) => ({ name, in: 'path', required: true, schema: properties[name] ?? { type: 'string' } }));
}

function queryParameters(query: EndpointInfo['query']): Json[] {
  if (query === undefined || typeof query === 'boolean') return [];
  const required = Array.isArray(query.required) ? (query.required as string[]) : [];
  return Object.entries(schemaProperties(query)).map(([name, schema]) => {
    const parameter: Json = { name, in: 'query', required: required.includes(name), schema };
    if (typeof schema.description === 'string') parameter.description = schema.description;
    return parameter;
  });
}

function schemaProperties(schema: EndpointInfo['query']): Record<string, Json> {
  if (schema === undefined || typeof schema === 'boolean') return {};
  const properties = schema.properties as Record<string, JsonSchemaDocument> | undefined;
  return Object.fromEntries(Object.entries(properties ?? {}).map(([name, sub]) => [name, toOpenApiSchema(sub)]));
}

/** The security schemes and requirements of the app's verifier, as far as OpenAPI 3.0 can say them. */
function securityOf(auth: Verifier): { schemes: Json; requirements: Json[] } | undefined {
  const alternatives = authSchemesOf(auth);
  if (alternatives === undefined) return undefined;
  const schemes: Json = {};
  const requirements: Json[] = [];
  for (const alternative of alternatives) {
    if (alternative.some((scheme) => scheme.type === 'hmac-signature')) continue; // a signature per body: no OpenAPI scheme says it
    const requirement: Json = {};
    for (const scheme of alternative) {
      const [name, definition] = securityScheme(scheme);
      schemes[name] = definition;
      requirement[name] = [];
    }
    requirements.push(requirement);
  }
  return requirements.length === 0 ? undefined : { schemes, requirements };
}

function securityScheme(scheme: AuthScheme): [string, Json] {
  switch (scheme.type) {
    case 'api-key':
      return [`apiKey_${scheme.header.replace(/[^\w.-]/g, '_')}`, { type: 'apiKey', in: 'header', name: scheme.header }];
    case 'basic':
      return ['basicAuth', { type: 'http', scheme: 'basic' }];
    case 'google-id-token':
      return [
        'googleIdToken',
        {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: "A Google ID token for this server's URL: Dialogflow's service agent auth (ID token).",
        },
      ];
    default:
      return ['hmacSignature', { type: 'apiKey', in: 'header', name: 'webhook-signature' }];
  }
}
