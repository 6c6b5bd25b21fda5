import type { Metrics } from '../telemetry/metrics.js';
import type { Endpoints } from './endpoints.js';
import type { Pipeline } from './pipeline.js';

/** What answering HTTP needs of an app: its webhook pipeline, its endpoints, readiness and metrics. */
export interface ServedApp {
  readonly pipeline: Pipeline;
  readonly endpoints: Endpoints;
  readonly ready: boolean;
  readonly metrics: Metrics | undefined;
}
