import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Fulfiller, FulfillerOptions, MemoryLogger } from '../../../src/index.js';
import { appTarget, type ReplayTarget } from '../../../src/testing/replay-target.js';
import { checkBody } from '../../support/responses.js';
import { testApp } from '../../support/app.js';
import setup from './sample-app.js';

/** The sample app module on a test app (test mode, no environment, logs in memory). */
export function sampleApp(options: FulfillerOptions = {}): { app: Fulfiller; logger: MemoryLogger } {
  const made = testApp(options);
  setup(made.app);
  // Every answer goes through checkBody: schema-checked, and captured for Google's parser (an
  // invalid one already throws in test mode, so the observer only ever sees valid ones).
  made.app.observe((exchange) => {
    if (exchange.status === 200 && exchange.dialect !== undefined) checkBody(exchange.dialect, exchange.body);
  });
  return made;
}

/** A fresh temporary directory. */
export function tempDir(prefix = 'fulfiller-testing-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The sample app module's path, for loadApp() and the CLI. */
export const SAMPLE_APP = 'test/testing/support/sample-app.ts';

/** The sample app as a replay target. */
export function sampleTarget(options: FulfillerOptions = {}): ReplayTarget {
  return appTarget(sampleApp(options).app);
}
