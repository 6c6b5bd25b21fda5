/**
 * What an app is configured to do, as plain data: the routes and their matches, the fallback,
 * deadlines, mode, the languages of its system messages and what its `auth` checks. For tools
 * that hold an app against something else (`fulfiller lint` against an agent export); never a
 * secret, since verifiers describe themselves without their keys.
 */
import type { VerifierDescription } from '../auth/verifier.js';
import type { EndpointInfo } from './endpoint.js';
import type { Turn } from '../dialects/turn.js';
import type { Match } from './matcher.js';
import { toMatcher } from './matcher.js';
import type { Mode } from './options.js';
import type { RouteKind } from '../base/app-types.js';
import { BUILT_IN_MESSAGES, type SystemMessages } from './system-messages.js';

/** One registered route. */
export interface RouteDescription {
  readonly kind: RouteKind;
  /** The match as registered: a string, a RegExp or a predicate. */
  readonly match: Match<Turn>;
  /**
   * Whether the route takes this name (tag, intent or action). A predicate is called with a
   * minimal turn that carries only the name; undefined when it throws on that turn.
   */
  matches(name: string): boolean | undefined;
  /** The route's own time budget, when it has one. */
  readonly deadlineMs: number | undefined;
}

/** Which of the three system texts a language has of its own (the others come from the default language). */
export type SystemMessageKind = keyof SystemMessages;

/** What `app.describe()` returns. */
export interface AppDescription {
  readonly routes: readonly RouteDescription[];
  /** `app.fallback()` was set: unmatched calls get it instead of the fallback message. */
  readonly fallback: boolean;
  readonly deadlineMs: number;
  readonly mode: Mode;
  readonly defaultLanguage: string;
  /** Each language the system messages have texts in (built-in or from the `messages` option), with which texts. */
  readonly languages: Readonly<Record<string, readonly SystemMessageKind[]>>;
  /** The app's JSON endpoints (`app.endpoint()`), which flexible webhooks and playbook tools call. */
  readonly endpoints: readonly EndpointInfo[];
  /** The OpenAPI document of those endpoints (`app.openapi()`), which a playbook tool's stored schema is held against. */
  readonly openapi: Readonly<Record<string, unknown>>;
  /** What the configured `auth` checks: undefined without auth, `{ scheme: 'custom' }` for a verifier that does not describe itself. */
  readonly auth: VerifierDescription | { readonly scheme: 'custom' } | undefined;
}

/** A route as the app registered it. */
export interface RegisteredRoute {
  readonly kind: RouteKind;
  readonly match: Match<Turn>;
  readonly deadlineMs: number | undefined;
}

/** Builds the description from what the app holds. */
export function describeApp(app: {
  routes: readonly RegisteredRoute[];
  fallback: boolean;
  endpoints: readonly EndpointInfo[];
  openapi: Readonly<Record<string, unknown>>;
  options: {
    deadlineMs: number;
    mode: Mode;
    defaultLanguage: string;
    messages: Readonly<Record<string, Partial<SystemMessages>>>;
    auth: { readonly description?: VerifierDescription } | undefined;
  };
}): AppDescription {
  const { options } = app;
  const languages: Record<string, SystemMessageKind[]> = {};
  for (const source of [BUILT_IN_MESSAGES, options.messages]) {
    for (const [language, texts] of Object.entries(source)) {
      const kinds = (['fallback', 'apology', 'timeout'] as const).filter((kind) => typeof texts[kind] === 'string' && texts[kind] !== '');
      languages[language] = [...new Set([...(languages[language] ?? []), ...kinds])];
    }
  }
  return {
    routes: app.routes.map((route) => ({ ...route, matches: matcherOf(route) })),
    fallback: app.fallback,
    endpoints: app.endpoints,
    openapi: app.openapi,
    deadlineMs: options.deadlineMs,
    mode: options.mode,
    defaultLanguage: options.defaultLanguage,
    languages,
    auth: options.auth === undefined ? undefined : (options.auth.description ?? { scheme: 'custom' }),
  };
}

function matcherOf(route: RegisteredRoute): (name: string) => boolean | undefined {
  const test = toMatcher(route.match);
  return (name) => {
    // Only what routing itself reads from a turn: the name, under the route's kind.
    const turn = { [route.kind]: name } as unknown as Turn;
    try {
      return test(name, turn) === true;
    } catch {
      return undefined;
    }
  };
}
