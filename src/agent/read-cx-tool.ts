import type { AgentTool } from './agent-model.js';
import type { ExportDoc } from './export-doc.js';
import { lastSegment } from './resource-id.js';
import { shownUrl } from './webhook-url.js';

/**
 * A CX playbook tool (`tools/<name>/<name>.json`): its name and, for an OpenAPI tool, the
 * document it stores and the server it calls. Other tool kinds (data stores, functions) keep
 * only their name. The server URL loses its query string and user info, which may hold keys.
 */
export function readCxTool(doc: ExportDoc): AgentTool {
  const displayName = doc.name(doc.root, 'displayName', '');
  const spec = doc.object(doc.root, 'openApiSpec', '');
  const openApiText = spec === undefined ? undefined : doc.string(spec, 'textSchema', 'openApiSpec');
  return {
    id: lastSegment(doc.string(doc.root, 'name', '')) ?? displayName,
    displayName,
    openApiText,
    serverUrl: shownUrl(firstServer(openApiText)),
    location: { file: doc.file, path: `tool ${displayName}` },
  };
}

/** The first `servers` URL of an OpenAPI text, YAML or JSON, found without parsing the whole document. */
function firstServer(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const json = /"servers"\s*:\s*\[\s*\{[^}]*?"url"\s*:\s*"([^"]+)"/.exec(text)?.[1];
  if (json !== undefined) return json;
  return /^servers:\s*\n\s*-\s*url:\s*['"]?([^'"\s]+)/m.exec(text)?.[1];
}
