import { hostOf } from '../../agent/webhook-url.js';
import { checkToolDrift } from '../tool-drift.js';
import type { LintCheck } from '../lint-context.js';
import { toRuleFinding } from './flexible-webhook.js';

const FIXES: Readonly<Record<string, string>> = {
  'tool-schema-unreadable': "Paste the document `fulfiller openapi --app FILE` prints into the tool's OpenAPI schema.",
  'tool-drift-no-endpoint': "Add the endpoint to the app, or remove the operation from the tool's schema (`fulfiller openapi` prints what the app serves).",
  'tool-drift-unknown-field': "Remove the field from the tool's schema, or accept it in the endpoint's request schema.",
  'tool-drift-required': 'Send the field from the tool (required in its schema), or make it optional in the endpoint.',
  'tool-drift-optional': "Mark the field required in the tool's schema, so the model always sends it.",
  'tool-drift-type': 'Give the field the same type in the tool and in the endpoint.',
  'tool-drift-body': "Remove the request body from the tool's operation, or give the endpoint a request schema.",
  'tool-drift-response': "Remove the field from the tool's response schema, or return it from the endpoint.",
};

/**
 * Each OpenAPI playbook tool that calls this app (its server is on the host of a webhook the app
 * serves) held against the app's own OpenAPI document: the drift between what the tool sends and
 * expects and what the endpoints take and return. Tools that call other services are the agent's business.
 */
export const toolDrift: LintCheck = ({ agent, served, app }) => {
  const hosts = new Set(served.map((webhook) => hostOf(webhook.url)).filter((host) => host !== undefined));
  return agent.tools.flatMap((tool) => {
    if (tool.openApiText === undefined || !hosts.has(hostOf(tool.serverUrl) ?? '')) return [];
    const findings = checkToolDrift({ name: tool.displayName, schemaText: tool.openApiText }, { ...app.openapi });
    return findings.map((found) => toRuleFinding(found, `The tool ${tool.displayName}`, FIXES, tool.location));
  });
};
