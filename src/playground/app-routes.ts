import type { Fulfiller, RouteKind } from '../index.js';

/** A route the app registered: its kind and, for an exact string, what it matches. */
export interface AppRoute {
  kind: RouteKind;
  /** The string it matches; undefined for a RegExp or a predicate. */
  match: string | undefined;
}

/** The app's routes, for the form's choices and for telling handled call sites from unhandled ones. */
export function appRoutes(app: Fulfiller): AppRoute[] {
  return app.describe().routes.map((route) => ({ kind: route.kind, match: typeof route.match === 'string' ? route.match : undefined }));
}
