import { createRequire } from 'node:module';
import { isJsonObject } from '../base/json-object.js';
import type { EndpointFinding } from './lint-finding.js';

type Json = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const load = createRequire(import.meta.url);

/** What the check needs of a playbook tool (`tools/<name>/<name>.json`): its name and the OpenAPI text stored in it (`openApiSpec.textSchema`, YAML or JSON). */
export interface ToolInput {
  name: string;
  schemaText: string;
}

/**
 * Drift between the OpenAPI schema a playbook tool stored and the app's own document
 * (`app.openapi()`): for every operation of the tool, that the app serves it; that every field the
 * tool sends is one the endpoint takes (an endpoint refusing unknown fields would answer 400);
 * that every field the endpoint requires is one the tool sends (required in the tool: else a
 * warning that the model may leave it out); the same for query and path parameters; and fields
 * of the answer the tool expects but the endpoint never returns (a warning). Pure: texts in,
 * findings out; YAML is read by the `yaml` package, loaded on first use.
 */
export function checkToolDrift(tool: ToolInput, appDocument: Json): EndpointFinding[] {
  const found: EndpointFinding[] = [];
  const add = (severity: EndpointFinding['severity'], rule: string, message: string, at?: string): void => {
    found.push({ rule, severity, message, subject: tool.name, ...(at === undefined ? {} : { at }) });
  };
  let parsed: unknown;
  let reason = 'it is not a YAML or JSON object';
  try {
    parsed = (load('yaml') as { parse(text: string): unknown }).parse(tool.schemaText);
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  if (!isJsonObject(parsed)) {
    add('error', 'tool-schema-unreadable', `its OpenAPI schema cannot be read (${reason}): paste the document \`fulfiller openapi\` prints.`);
    return found;
  }
  const document: Json = parsed;
  const appOperations = operationsOf(appDocument);
  for (const [key, operation] of operationsOf(document)) {
    const at = `${operation.method.toUpperCase()} ${operation.path}`;
    const served = appOperations.get(key);
    if (served === undefined) {
      add(
        'error',
        'tool-drift-no-endpoint',
        `calls ${at}, which the app does not serve: regenerate the tool's schema with \`fulfiller openapi\`, or add the endpoint.`,
        at,
      );
      continue;
    }
    compareParameters(resolve(document, operation.op), resolve(appDocument, served.op), document, appDocument, at, add);
    const sent = bodySchema(document, operation.op);
    const taken = bodySchema(appDocument, served.op);
    if (sent !== undefined && taken === undefined) add('error', 'tool-drift-body', `sends a body to ${at}, which takes none.`, `${at} requestBody`);
    else if (taken !== undefined) compareSent(sent ?? {}, taken, document, appDocument, `${at} body`, add);
    const expected = responseSchema(document, operation.op);
    const returned = responseSchema(appDocument, served.op);
    if (expected !== undefined && returned !== undefined) compareReturned(expected, returned, document, appDocument, `${at} response`, add);
  }
  return found;
}

type Add = (severity: EndpointFinding['severity'], rule: string, message: string, at?: string) => void;

/** Every operation by `method path`, the path's parameter names blanked so `/orders/{id}` and `/orders/{number}` are one. */
function operationsOf(document: Json): Map<string, { op: Json; method: string; path: string }> {
  const operations = new Map<string, { op: Json; method: string; path: string }>();
  const paths = isJsonObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isJsonObject(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (isJsonObject(op)) {
        operations.set(`${method} ${path.replace(/\{[^}]*\}/g, '{}')}`, {
          op: { ...op, parameters: [...listOf(item.parameters), ...listOf(op.parameters)] },
          method,
          path,
        });
      }
    }
  }
  return operations;
}

function compareParameters(toolOp: Json, appOp: Json, toolDoc: Json, appDoc: Json, at: string, add: Add): void {
  const toolParams = parametersOf(toolOp, toolDoc);
  const appParams = parametersOf(appOp, appDoc);
  for (const [key, param] of appParams) {
    if (param.in === 'path') continue; // a path parameter is part of the path: both have it
    const sent = toolParams.get(key);
    if (param.required === true && sent === undefined)
      add('error', 'tool-drift-required', `never sends the ${param.in} parameter "${param.name}", which ${at} requires.`, `${at} ${param.in}.${param.name}`);
    else if (param.required === true && sent?.required !== true)
      add(
        'warning',
        'tool-drift-required',
        `may leave out the ${param.in} parameter "${param.name}", which ${at} requires: mark it required in the tool.`,
        `${at} ${param.in}.${param.name}`,
      );
  }
  for (const [key, param] of toolParams) {
    if (param.in !== 'path' && !appParams.has(key))
      add(
        'warning',
        'tool-drift-unknown-field',
        `sends the ${param.in} parameter "${param.name}", which ${at} does not declare.`,
        `${at} ${param.in}.${param.name}`,
      );
  }
}

/** Fields the tool sends against the fields the endpoint takes, object by object. */
function compareSent(sent: Json, taken: Json, toolDoc: Json, appDoc: Json, at: string, add: Add): void {
  const s = resolve(toolDoc, sent);
  const t = resolve(appDoc, taken);
  const sentProps = propertiesOf(s);
  const takenProps = propertiesOf(t);
  const closed = t.additionalProperties === false;
  for (const [name, schema] of Object.entries(sentProps)) {
    const target = takenProps[name];
    if (target === undefined) {
      if (closed)
        add(
          'error',
          'tool-drift-unknown-field',
          `sends "${name}" in ${at}, which the endpoint refuses (it allows no other fields): remove it from the tool, or add it to the request schema.`,
          `${at}.${name}`,
        );
      continue;
    }
    const sentType = typeOf(resolve(toolDoc, schema));
    const takenType = typeOf(resolve(appDoc, target));
    if (sentType !== undefined && takenType !== undefined && !compatible(sentType, takenType)) {
      add('error', 'tool-drift-type', `sends "${name}" in ${at} as ${sentType}, but the endpoint takes ${takenType}.`, `${at}.${name}`);
    } else if (isJsonObject(schema) && isJsonObject(target) && (sentType === 'object' || takenType === 'object')) {
      compareSent(schema, target, toolDoc, appDoc, `${at}.${name}`, add);
    }
  }
  const sentRequired = requiredOf(s);
  for (const name of requiredOf(t)) {
    if (!Object.hasOwn(sentProps, name)) add('error', 'tool-drift-required', `never sends "${name}" in ${at}, which the endpoint requires.`, `${at}.${name}`);
    else if (!sentRequired.includes(name))
      add('warning', 'tool-drift-optional', `may leave out "${name}" in ${at}, which the endpoint requires: mark it required in the tool.`, `${at}.${name}`);
  }
}

/** Fields the tool expects in the answer that the endpoint never returns. */
function compareReturned(expected: Json, returned: Json, toolDoc: Json, appDoc: Json, at: string, add: Add): void {
  const e = propertiesOf(resolve(toolDoc, expected));
  const r = propertiesOf(resolve(appDoc, returned));
  if (Object.keys(r).length === 0) return; // an open answer: anything may come
  for (const [name, schema] of Object.entries(e)) {
    const target = r[name];
    if (target === undefined) add('warning', 'tool-drift-response', `expects "${name}" in ${at}, which the endpoint never returns.`, `${at}.${name}`);
    else if (isJsonObject(schema) && isJsonObject(target)) compareReturned(schema, target, toolDoc, appDoc, `${at}.${name}`, add);
  }
}

function parametersOf(op: Json, document: Json): Map<string, Json> {
  const params = new Map<string, Json>();
  for (const raw of listOf(op.parameters)) {
    const param = resolve(document, raw);
    if (typeof param.name === 'string' && typeof param.in === 'string') params.set(`${param.in}:${param.name}`, param);
  }
  return params;
}

function bodySchema(document: Json, op: Json): Json | undefined {
  const body = resolve(document, op.requestBody);
  const content = isJsonObject(body.content) ? body.content : {};
  const json = content['application/json'];
  return isJsonObject(json) && isJsonObject(json.schema) ? json.schema : undefined;
}

function responseSchema(document: Json, op: Json): Json | undefined {
  const responses = isJsonObject(op.responses) ? op.responses : {};
  const key = Object.keys(responses).find((status) => /^2\d\d$/.test(status));
  if (key === undefined) return undefined;
  const response = resolve(document, responses[key]);
  const content = isJsonObject(response.content) ? response.content : {};
  const json = content['application/json'];
  return isJsonObject(json) && isJsonObject(json.schema) ? json.schema : undefined;
}

/** Follows a local `$ref` (`#/components/schemas/Order`), a few levels at most. */
function resolve(document: Json, value: unknown, depth = 0): Json {
  if (!isJsonObject(value)) return {};
  const ref = value.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || depth > 10) return value;
  let node: unknown = document;
  for (const segment of ref.slice(2).split('/')) node = isJsonObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  return resolve(document, node, depth + 1);
}

function propertiesOf(schema: Json): Record<string, Json> {
  return isJsonObject(schema.properties) ? (schema.properties as Record<string, Json>) : {};
}

function requiredOf(schema: Json): string[] {
  return Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
}

function typeOf(schema: Json): string | undefined {
  if (typeof schema.type === 'string') return schema.type;
  if (Array.isArray(schema.type)) return schema.type.filter((t) => t !== 'null').join('|') || undefined;
  return schema.properties !== undefined ? 'object' : undefined;
}

function compatible(sent: string, taken: string): boolean {
  const takes = taken.split('|');
  return sent.split('|').every((type) => takes.includes(type) || (type === 'integer' && takes.includes('number')));
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
