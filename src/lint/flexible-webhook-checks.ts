import { PathTemplate } from '../http/path-template.js';
import { compileJsonSchema, type JsonSchemaDocument } from '../schema/json-schema.js';
import { fillBodyTemplate, typeOnlyAt } from './body-template.js';
import { selectJsonPath, withoutFilters } from './json-path.js';
import type { EndpointFinding } from './lint-finding.js';
import { PARAMETER_REFERENCE } from './parameter-reference.js';
import { exampleOf } from './schema-example.js';

/** What the checks need of a CX flexible webhook (`webhooks/<name>.json` with `webhookType: FLEXIBLE`). */
export interface FlexibleWebhookInput {
  /** Its display name. */
  name: string;
  /** `genericWebService.httpMethod`; Dialogflow's default is POST. */
  method?: string | undefined;
  /** `genericWebService.uri`: `https://host/customers/validate`, parameter references allowed. */
  url: string;
  /** `genericWebService.requestBody`: the JSON template with parameter references. */
  requestBody?: string | undefined;
  /** `genericWebService.parameterMapping`: the parameter (`$flow.x`, `$session.params.x`) to the JSONPath of its value in the answer. */
  parameterMapping?: Readonly<Record<string, string>> | undefined;
}

/** What the checks need of an app's endpoint (an `EndpointInfo` is one). */
export interface EndpointShape {
  method: string;
  path: string;
  request?: JsonSchemaDocument | undefined;
  response: JsonSchemaDocument;
}

/** Options of the checks. */
export interface FlexibleWebhookCheckOptions {
  /** The path the app is mounted under in the URL (`/api` for `https://host/api/customers/validate`). Default none. */
  basePath?: string;
}

/**
 * The lint checks of one flexible webhook against the app's endpoints:
 * - an endpoint serves its method and URL path (parameter references in the path stand for any value);
 * - its body template, each reference filled with an example value, passes the endpoint's request schema;
 * - every parameter mapping's JSONPath selects something the endpoint's response schema can produce.
 * Pure: the webhook and the endpoints in, findings out.
 */
export function checkFlexibleWebhook(
  webhook: FlexibleWebhookInput,
  endpoints: readonly EndpointShape[],
  options: FlexibleWebhookCheckOptions = {},
): EndpointFinding[] {
  const finding = (rule: string, message: string, at?: string): EndpointFinding => ({
    rule,
    severity: 'error',
    message,
    subject: webhook.name,
    ...(at === undefined ? {} : { at }),
  });
  const method = (webhook.method ?? 'POST').toUpperCase();
  const path = urlPath(webhook.url, options.basePath);
  if (path === undefined) {
    return [
      finding(
        'flexible-webhook-no-endpoint',
        `its URL ${JSON.stringify(webhook.url)} is not under ${options.basePath ?? '/'}: no endpoint of the app can serve it.`,
        'uri',
      ),
    ];
  }
  const parts = path.split('/');
  const onPath = endpoints.filter((e) => new PathTemplate(e.path).match(parts) !== undefined);
  const endpoint = onPath.find((e) => e.method === method);
  if (endpoint === undefined) {
    const message =
      onPath.length > 0
        ? `calls ${method} ${path}, but the app serves that path with ${onPath.map((e) => e.method).join(', ')} only: set the webhook's method to one of those, or add app.endpoint({ method: '${method}', … }).`
        : `calls ${method} ${path}, and no endpoint of the app serves it: add app.endpoint({ method: '${method}', path: '${path}', … }) or point the webhook at an endpoint's path.`;
    return [finding('flexible-webhook-no-endpoint', message, 'uri')];
  }
  return [...checkBody(webhook, endpoint, finding), ...checkMappings(webhook, endpoint, finding)];
}

function checkBody(
  webhook: FlexibleWebhookInput,
  endpoint: EndpointShape,
  finding: (rule: string, message: string, at?: string) => EndpointFinding,
): EndpointFinding[] {
  const template = webhook.requestBody?.trim() ?? '';
  const label = `${endpoint.method} ${endpoint.path}`;
  if (endpoint.request === undefined) {
    return template === '' ? [] : [finding('flexible-webhook-body', `sends a body, but ${label} takes none: empty the request body template.`, 'requestBody')];
  }
  if (template === '')
    return [
      finding('flexible-webhook-body', `sends no body, but ${label} needs one: write the request body template its request schema describes.`, 'requestBody'),
    ];
  const filled = fillBodyTemplate(template, endpoint.request);
  if (!filled.ok) return [finding('flexible-webhook-body', `request body template ${filled.reason}.`, 'requestBody')];
  const issue = compileJsonSchema(typeOnlyAt(endpoint.request, filled.filled), `The request schema of ${label}`)(filled.body);
  if (issue === undefined) return [];
  const quoted = filled.quotedMismatches.includes(issue.path);
  const hint = quoted ? ' The template puts the parameter reference in quotes, so Dialogflow sends it as text: remove the quotes.' : '';
  return [
    finding(
      'flexible-webhook-body',
      `request body template, filled with example values, breaks the request schema of ${label}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.message}.${hint}`,
      `requestBody${issue.path === '' ? '' : `.${issue.path}`}`,
    ),
  ];
}

function checkMappings(
  webhook: FlexibleWebhookInput,
  endpoint: EndpointShape,
  finding: (rule: string, message: string, at?: string) => EndpointFinding,
): EndpointFinding[] {
  const example = exampleOf(endpoint.response);
  const found: EndpointFinding[] = [];
  for (const [parameter, path] of Object.entries(webhook.parameterMapping ?? {})) {
    const at = `parameterMapping.${parameter}`;
    let selected: unknown[];
    try {
      selected = selectJsonPath(path, example);
      if (selected.length === 0 && path !== withoutFilters(path)) selected = selectJsonPath(withoutFilters(path), example);
    } catch (error) {
      found.push(
        finding(
          'flexible-webhook-mapping',
          `maps ${parameter} from ${JSON.stringify(path)}, which is not a JSONPath: ${error instanceof Error ? error.message : String(error)}.`,
          at,
        ),
      );
      continue;
    }
    if (selected.length === 0) {
      found.push(
        finding(
          'flexible-webhook-mapping',
          `maps ${parameter} from ${path}, which selects nothing that the response schema of ${endpoint.method} ${endpoint.path} can produce: check the field names against the schema.`,
          at,
        ),
      );
    }
  }
  return found;
}

/** The URL's path below `basePath`, its parameter references standing for a value; undefined when it is not below it. */
function urlPath(url: string, basePath: string | undefined): string | undefined {
  const withoutReferences = url.replace(PARAMETER_REFERENCE, 'value');
  let path: string;
  try {
    path = new URL(withoutReferences).pathname;
  } catch {
    path = withoutReferences.split('?')[0]!;
  }
  const base = (basePath ?? '').replace(/\/$/, '');
  if (base === '') return path;
  return path === base || path.startsWith(`${base}/`) ? path.slice(base.length) || '/' : undefined;
}
