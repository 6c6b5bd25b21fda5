import type { ApiVersionOf, AppTypes } from '../base/app-types.js';
import type { ApiVersions } from '../core/options.js';
import type { FulfillerOptions, FulfillerSettings } from './options.js';
import { createRecorder } from '../recording/recorder.js';
import { Fulfiller } from './fulfiller.js';

/**
 * Creates an app. Register routes on it, then serve it with an adapter or `fulfiller serve`.
 * With `record`, every answered call is also written as a fixture (the recorder observes the
 * app, and the files still being written are flushed when it closes).
 *
 *   const app = createFulfiller();                 // any tag, intent, page or parameter name
 *   const typed = createFulfiller<Agent>();        // the names of a generated agent file
 *   const beta = createFulfiller({ apiVersion: { es: 'v2beta1' } }); // typed as speaking ES v2beta1 too
 */
export function createFulfiller<const V extends Partial<ApiVersions>>(options: Omit<FulfillerSettings, 'apiVersion'> & { apiVersion: V }): Fulfiller<V>;
export function createFulfiller<T extends AppTypes = AppTypes>(
  ...options: Partial<ApiVersionOf<T>> extends ApiVersionOf<T> ? [options?: FulfillerOptions<T>] : [options: FulfillerOptions<T>]
): Fulfiller<T>;
export function createFulfiller<T extends AppTypes = AppTypes>(options: FulfillerSettings = {}): Fulfiller<T> {
  const app = new Fulfiller<T>(options); // checks every option, record's too
  const { record } = options;
  const { logger, clock } = app.options;
  if (record !== undefined) {
    const recorder = createRecorder(record, { logger, clock });
    app.observe(recorder.observe);
    app.onClose(() => recorder.flush());
  }
  return app;
}
