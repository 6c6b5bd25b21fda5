import { checkFlexibleWebhook } from '../flexible-webhook-checks.js';
import type { LintCheck, RuleFinding } from '../lint-context.js';
import type { EndpointFinding } from '../lint-finding.js';

/** What to do, for each rule the flexible-webhook checks report under. */
const FIXES: Readonly<Record<string, string>> = {
  'flexible-webhook-no-endpoint': "Add the endpoint with app.endpoint({ method, path, … }), or correct the webhook's URL and method in the console.",
  'flexible-webhook-body':
    "Make the webhook's request body template send what the endpoint's request schema takes, or change the schema to take what the template sends.",
  'flexible-webhook-mapping': "Correct the parameter mapping's JSONPath, or return that field from the endpoint (and in its response schema).",
};

/**
 * Each flexible webhook this app serves, held against the app's endpoints: an endpoint for its
 * method and URL path, its body template (references filled with example values) valid for the
 * endpoint's request schema, its parameter mappings selecting what the response schema produces.
 */
export const flexibleWebhook: LintCheck = ({ served, app }) =>
  served.flatMap((webhook) => {
    if (webhook.kind !== 'flexible' || webhook.flexible === undefined || webhook.url === undefined) return [];
    const { method, requestBody, parameterMapping } = webhook.flexible;
    const findings = checkFlexibleWebhook({ name: webhook.displayName, method, url: webhook.url, requestBody, parameterMapping }, app.endpoints);
    return findings.map((found): RuleFinding => toRuleFinding(found, `The flexible webhook ${webhook.displayName}`, FIXES, webhook.location));
  });

/** A check's finding as a lint finding of its rule, about one thing in the export. */
export function toRuleFinding(
  found: EndpointFinding,
  subject: string,
  fixes: Readonly<Record<string, string>>,
  location: RuleFinding['location'],
): RuleFinding {
  return {
    rule: found.rule,
    message: `${subject} ${found.message}`,
    fix: fixes[found.rule] ?? 'See docs/lint.md.',
    location: found.at === undefined ? location : { file: location.file, path: `${location.path} › ${found.at}` },
    subject: found.at === undefined ? found.subject : `${found.subject} ${found.at}`,
  };
}
