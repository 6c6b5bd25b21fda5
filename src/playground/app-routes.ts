import type { Fulfiller, RouteKind } from '../index.js';

/** A route the app registered: its kind and, for an exact string, what it matches. */
export interface AppRoute {
  kind: RouteKind;
  /** The string it matches; undefined for a RegExp or a predicate. */
  match: string | undefined;
}

interface RouterInside {
  exact?: Map<RouteKind, Map<string, unknown>>;
  patterns?: { kind: RouteKind }[];
}

/**
 * The app's routes, for the form's choices and for telling handled call sites from unhandled
 * ones. The app has no public way to list them yet, so this reads its route table; it is the
 * only code that does, and it gives nothing rather than fail when the table looks different.
 */
export function appRoutes(app: Fulfiller): AppRoute[] {
  const router = (app as unknown as { router?: RouterInside }).router;
  const routes: AppRoute[] = [];
  for (const [kind, byValue] of router?.exact ?? []) for (const match of byValue.keys()) routes.push({ kind, match });
  for (const entry of router?.patterns ?? []) routes.push({ kind: entry.kind, match: undefined });
  return routes;
}
