import type { Mode } from '../core/options.js';
import type { Logger } from '../logging/logger.js';

/** What an adapter says about the app it serves, once, when it starts. */
export interface StartUp {
  adapter: 'listen' | 'express' | 'cloudFunction' | 'fetch';
  mode: Mode;
  routes: number;
  /** Whether the app has a fallback of its own (an app of nothing but a fallback is no mistake). */
  fallback: boolean;
  auth: boolean;
  deadlineMs: number;
  /** The webhook's URL, for the standalone server. */
  url?: string;
  transport?: 'http' | 'https' | 'mutual-tls';
}

/**
 * The one start-up line of an adapter: mode, routes, authentication, and a warning for each
 * thing an operator most likely did not mean (no route, no authentication, not production
 * mode). A warning when there is any, so that it stands out in Cloud Logging.
 */
export function logStartUp(logger: Logger, start: StartUp): void {
  const warnings: string[] = [];
  if (start.routes === 0 && !start.fallback) {
    warnings.push('no route registered: every call gets the fallback message (register handlers with app.tag(), app.intent() or app.action())');
  }
  if (!start.auth) {
    warnings.push('no authentication configured: anyone who reaches this URL can call the webhook, unless the platform checks callers (see docs/security.md)');
  }
  if (start.mode !== 'production') {
    warnings.push(`${start.mode} mode: an invalid answer is thrown (a 500) instead of replaced by the apology; set NODE_ENV=production where Dialogflow calls`);
  }
  const { fallback: _, ...shown } = start;
  const fields = warnings.length === 0 ? shown : { ...shown, warnings };
  const routes = `${start.routes} route${start.routes === 1 ? '' : 's'}`;
  const message = `${start.adapter}: serving the webhook in ${start.mode} mode, ${routes}, ${start.auth ? 'with' : 'without'} authentication${start.url === undefined ? '' : `, on ${start.url}`}`;
  if (warnings.length > 0) logger.warn(fields, message);
  else logger.info(fields, message);
}
