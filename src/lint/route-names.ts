import type { RouteKind } from '../base/app-types.js';
import type { AppDescription, RouteDescription } from '../core/app-description.js';
import { closestName } from '../schema/closest-name.js';

/** Routes of one kind. */
export function routesOf(app: AppDescription, kind: RouteKind): RouteDescription[] {
  return app.routes.filter((route) => route.kind === kind);
}

/** String routes by kind (looked up), and the others (tried in turn): built once per description. */
interface RouteIndex {
  exact: Map<RouteKind, Set<string>>;
  patterns: Map<RouteKind, RouteDescription[]>;
}

const indexes = new WeakMap<AppDescription, RouteIndex>();

function indexOf(app: AppDescription): RouteIndex {
  let index = indexes.get(app);
  if (index === undefined) {
    index = { exact: new Map(), patterns: new Map() };
    for (const route of app.routes) {
      if (typeof route.match === 'string') {
        if (!index.exact.has(route.kind)) index.exact.set(route.kind, new Set());
        index.exact.get(route.kind)!.add(route.match);
      } else {
        if (!index.patterns.has(route.kind)) index.patterns.set(route.kind, []);
        index.patterns.get(route.kind)!.push(route);
      }
    }
    indexes.set(app, index);
  }
  return index;
}

/**
 * Whether some route of `kind` takes `name`: true, false, or undefined when only a predicate
 * that throws on a minimal turn could say (then no finding is made either way).
 */
export function handled(app: AppDescription, kind: RouteKind, name: string | undefined): boolean | undefined {
  if (name === undefined) return false;
  const index = indexOf(app);
  if (index.exact.get(kind)?.has(name) === true) return true;
  let unknown = false;
  for (const route of index.patterns.get(kind) ?? []) {
    const answer = route.matches(name);
    if (answer === true) return true;
    if (answer === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/** `app.tag('order.status', …)` as code, for messages. */
export function routeCode(kind: RouteKind, match: RouteDescription['match'] | string): string {
  const shown = typeof match === 'string' ? `'${match.replace(/'/g, "\\'")}'` : match instanceof RegExp ? String(match) : 'a predicate';
  return `app.${kind}(${shown}, …)`;
}

/** ", or correct app.tag('order.stats', …) if it was meant for it" when a string route of that kind is close to `name`. */
export function closestRoute(app: AppDescription, kind: RouteKind, name: string): string {
  const strings = routesOf(app, kind).flatMap((route) => (typeof route.match === 'string' ? [route.match] : []));
  const close = closestName(name, strings);
  return close === undefined ? '' : `, or correct ${routeCode(kind, close)} if it was meant for it`;
}

/** "the webhook orders" (CX), or "the agent's webhook" (ES: it has only one). */
export function webhookName(webhook: { readonly displayName: string; readonly id: string }): string {
  return webhook.id === 'webhook' && webhook.displayName === 'webhook' ? "the agent's webhook" : `the webhook ${webhook.displayName}`;
}

export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
