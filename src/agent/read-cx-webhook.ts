import type { JsonObject, JsonValue } from '../generated/types.js';
import { isJsonObject } from '../base/json-object.js';
import type { AgentWebhook, FlexibleRequest } from './agent-model.js';
import { durationMs } from './duration.js';
import type { ExportDoc } from './export-doc.js';
import { lastSegment } from './resource-id.js';
import { isGoogleApi, shownUrl } from './webhook-url.js';

/** CX's default when a webhook sets no timeout. */
export const CX_DEFAULT_TIMEOUT_MS = 5000;

/**
 * A CX webhook file (`webhooks/<name>.json`): standard or flexible, direct or through Service
 * Directory, its timeout and what credentials it sends. Secrets are read only to know they exist.
 */
export function readCxWebhook(doc: ExportDoc): AgentWebhook {
  const root = doc.root;
  const directory = doc.object(root, 'serviceDirectory', '');
  const generic = doc.object(root, 'genericWebService', '') ?? (directory && doc.object(directory, 'genericWebService', 'serviceDirectory')) ?? {};
  const at = directory === undefined ? 'genericWebService' : 'serviceDirectory.genericWebService';
  const uri = doc.string(generic, 'uri', at);
  const serviceAgent = doc.string(generic, 'serviceAgentAuth', at);
  const headers = new Set([...keysOf(generic.requestHeaders), ...keysOf(generic.secretVersionsForRequestHeaders)].map((h) => h.toLowerCase()));
  const displayName = doc.name(root, 'displayName', '');
  return {
    id: lastSegment(doc.string(root, 'name', '')) ?? displayName,
    displayName,
    kind: doc.string(generic, 'webhookType', at) === 'FLEXIBLE' ? 'flexible' : 'standard',
    serviceDirectory: directory !== undefined,
    url: shownUrl(uri),
    googleApi: isGoogleApi(uri),
    timeoutMs: durationMs(root.timeout) ?? CX_DEFAULT_TIMEOUT_MS,
    disabled: doc.bool(root, 'disabled', ''),
    auth: {
      basic: [generic.username, generic.password, generic.secretVersionForUsernamePassword].some((v) => typeof v === 'string' && v !== ''),
      headers: [...headers].sort(),
      serviceAgent: serviceAgent === 'ID_TOKEN' ? 'id-token' : serviceAgent === 'ACCESS_TOKEN' ? 'access-token' : undefined,
      oauth: isJsonObject(generic.oauthConfig),
      customCa: Array.isArray(generic.allowedCaCerts) && generic.allowedCaCerts.length > 0,
    },
    ...(doc.string(generic, 'webhookType', at) === 'FLEXIBLE' ? { flexible: flexibleRequest(doc, generic, at) } : {}),
    location: { file: doc.file, path: `webhook ${displayName}` },
  };
}

/** A flexible webhook's method, body template and parameter mapping. */
function flexibleRequest(doc: ExportDoc, generic: JsonObject, at: string): FlexibleRequest {
  const mapping: Record<string, string> = {};
  const given = generic.parameterMapping;
  const entries = Array.isArray(given)
    ? given.flatMap((entry) =>
        isJsonObject(entry) && typeof entry.key === 'string' && typeof entry.value === 'string' ? [[entry.key, entry.value] as const] : [],
      )
    : isJsonObject(given)
      ? Object.entries(given as JsonObject).flatMap(([key, value]) => (typeof value === 'string' ? [[key, value] as const] : []))
      : [];
  for (const [key, value] of entries) mapping[key] = value;
  return {
    method: (doc.string(generic, 'httpMethod', at) ?? 'POST').toUpperCase(),
    requestBody: doc.string(generic, 'requestBody', at),
    parameterMapping: mapping,
  };
}

/** Keys of a map as exports write it: a JSON object, or a list of `{ key, value }`. */
function keysOf(value: JsonValue | undefined): string[] {
  if (Array.isArray(value)) return value.flatMap((entry) => (isJsonObject(entry) && typeof entry.key === 'string' ? [entry.key] : []));
  return isJsonObject(value) ? Object.keys(value as JsonObject) : [];
}
