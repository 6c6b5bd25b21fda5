import type { AgentWebhook, WebhookAuth } from '../../agent/agent-model.js';
import type { VerifierDescription } from '../../auth/verifier.js';
import type { LintCheck, LintContext, RuleFinding } from '../lint-context.js';
import { didYouMean } from '../../agent/did-you-mean.js';
import { capitalized, webhookName } from '../route-names.js';

type AppAuth = VerifierDescription | { readonly scheme: 'custom' };

/**
 * The credentials the agent sends with each call against what the app's `auth` checks: sent but
 * never checked (the webhook is open to anyone with its URL), or demanded but never sent (every
 * call is refused with 401). A verifier of the app's own making cannot be judged, so it is trusted.
 */
export const webhookAuth: LintCheck = (context) => context.served.flatMap((webhook) => check(context, webhook));

function check({ app }: LintContext, webhook: AgentWebhook): RuleFinding[] {
  const sent = sentCredentials(webhook.auth);
  if (app.auth === undefined) {
    if (sent.length === 0) return [];
    return [
      {
        rule: 'auth-unchecked',
        message: `${capitalized(webhookName(webhook))} sends ${sent.join(' and ')}, and the app checks no credentials: anyone who finds its URL can call it.`,
        fix: `Give the app auth that checks them: ${remedies(webhook.auth).join('; ')} (docs/security.md).`,
        location: webhook.location,
        subject: webhook.displayName,
      },
    ];
  }
  if (satisfied(app.auth, webhook.auth) !== false) return [];
  return [
    {
      rule: 'auth-not-sent',
      message: `The app demands ${demanded(app.auth)}, and ${webhookName(webhook)} sends ${sent.length === 0 ? 'no credentials' : sent.join(' and ')}: every call is refused with 401.`,
      fix: fixFor(app.auth, webhook.auth),
      location: webhook.location,
      subject: webhook.displayName,
    },
  ];
}

/** What the agent sends, in words (never the values). */
function sentCredentials(auth: WebhookAuth): string[] {
  const sent: string[] = [];
  if (auth.basic) sent.push('basic auth (a username and password)');
  if (auth.headers.length > 0) sent.push(`the header${auth.headers.length === 1 ? '' : 's'} ${auth.headers.join(', ')}`);
  if (auth.serviceAgent === 'id-token') sent.push("a Google ID token of the agent's service agent");
  if (auth.serviceAgent === 'access-token') sent.push("a Google access token of the agent's service agent");
  if (auth.oauth) sent.push('an OAuth access token');
  return sent;
}

/** true: the agent's credentials pass; false: they cannot; undefined: a custom verifier decides. */
function satisfied(auth: AppAuth | undefined, sent: WebhookAuth): boolean | undefined {
  if (auth === undefined || auth.scheme === 'custom') return undefined;
  switch (auth.scheme) {
    case 'api-key':
      return sent.headers.includes(auth.header);
    case 'basic':
      return sent.basic;
    case 'google-id-token':
      return sent.serviceAgent === 'id-token';
    case 'hmac':
      return false; // Dialogflow does not sign its calls
    case 'any-of': {
      const answers = auth.parts.map((part) => satisfied(part ?? { scheme: 'custom' }, sent));
      return answers.includes(true) ? true : answers.includes(undefined) ? undefined : false;
    }
    case 'all-of': {
      const answers = auth.parts.map((part) => satisfied(part ?? { scheme: 'custom' }, sent));
      return answers.includes(false) ? false : answers.includes(undefined) ? undefined : true;
    }
  }
}

function demanded(auth: AppAuth): string {
  switch (auth.scheme) {
    case 'api-key':
      return `an API key in the header ${auth.header}`;
    case 'basic':
      return 'basic auth';
    case 'google-id-token':
      return 'a Google ID token';
    case 'hmac':
      return 'a Standard Webhooks signature';
    case 'custom':
      return 'what its own verifier checks';
    case 'any-of':
      return `one of: ${auth.parts.map((p) => demanded(p ?? { scheme: 'custom' })).join(', ')}`;
    case 'all-of':
      return `all of: ${auth.parts.map((p) => demanded(p ?? { scheme: 'custom' })).join(', ')}`;
  }
}

/** How to make the agent send what the app wants, or the app accept what the agent sends. */
function fixFor(auth: AppAuth, sent: WebhookAuth): string {
  const first = auth.scheme === 'any-of' || auth.scheme === 'all-of' ? (auth.parts.find((p) => p !== undefined && satisfied(p, sent) === false) ?? auth) : auth;
  switch (first.scheme) {
    case 'api-key':
      return `Add the header ${first.header} with the key to the webhook's authentication in the console${sent.headers.length > 0 ? `, or make the app read the header the agent sends: apiKey({ header: '${sent.headers[0]}' }) / FULFILLER_API_KEY_HEADER${didYouMean(first.header, sent.headers)}` : ''}.`;
    case 'basic':
      return "Set a username and password on the webhook's authentication in the console.";
    case 'google-id-token':
      return 'Set the webhook\'s "Service agent auth" to ID token in the console (CX), with the audience the app expects.';
    case 'hmac':
      return 'Dialogflow does not sign its calls: combine hmacSignature() with a verifier the agent can satisfy, anyOf(…), or put a signing proxy in front.';
    default:
      return `Accept what the agent sends: ${remedies(sent).join('; ') || 'configure credentials on the webhook in the console'}.`;
  }
}

function remedies(auth: WebhookAuth): string[] {
  const ways: string[] = [];
  if (auth.basic) ways.push('basicAuth() or FULFILLER_BASIC_AUTH');
  if (auth.headers.length > 0) ways.push(`apiKey({ header: '${auth.headers[0]}' }) or FULFILLER_API_KEYS with FULFILLER_API_KEY_HEADER=${auth.headers[0]}`);
  if (auth.serviceAgent === 'id-token') ways.push('googleIdToken() or FULFILLER_GOOGLE_AUDIENCE with FULFILLER_GOOGLE_SERVICE_ACCOUNT');
  if (auth.serviceAgent === 'access-token' || auth.oauth)
    ways.push('an access token cannot be verified here: switch the webhook to an ID token or a header key');
  return ways;
}
