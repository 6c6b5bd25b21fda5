import { createFulfiller, MemoryLogger, type FulfillerOptions, type Fulfiller, type Handler } from '../../src/index.js';
import { JSON_HEADERS } from './requests.js';

/** A test app: test mode, no environment, logs kept in memory. */
export function testApp(options: FulfillerOptions = {}): { app: Fulfiller; logger: MemoryLogger } {
  const logger = new MemoryLogger();
  return { app: createFulfiller({ mode: 'test', env: {}, logger, ...options }), logger };
}

/** Runs one handler on a request, in-process. */
export async function runHandler(handler: Handler, request: object, options: FulfillerOptions = {}) {
  const { app, logger } = testApp(options);
  app.tag(/.*/, handler).intent(/.*/, handler);
  const result = await app.handle(JSON.stringify(request), JSON_HEADERS);
  return { result, logger };
}
