import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { tracingReady } from '../../src/telemetry/tracing.js';
import { testApp } from '../support/app.js';
import { cxRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { validResponse } from '../support/responses.js';

/**
 * An SDK registered through an older @opentelemetry/api than the copy the library loads (two
 * copies in one app): the API refuses the older global, so every span would be a no-op. That
 * is said once, as a coded warning, instead of silently tracing nothing. (Its own test file:
 * the library loads the API once per process.)
 */
describe('an OpenTelemetry API the library cannot use', () => {
  const GLOBAL = Symbol.for('opentelemetry.js.api.1');
  afterAll(() => delete (globalThis as Record<symbol, unknown>)[GLOBAL]);

  it('is reported once, with what to do, and the app runs untraced', async () => {
    const exporter = new InMemorySpanExporter();
    // What another copy of @opentelemetry/api, 1.2, leaves in the global when an SDK registers through it.
    (globalThis as Record<symbol, unknown>)[GLOBAL] = {
      version: '1.2.0',
      trace: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    };

    const first = testApp();
    expect(await tracingReady()).toBe(false);
    const second = testApp();
    first.app.tag('x', (turn) => void turn.say('answered'));
    validResponse('cx', await first.app.handle(JSON.stringify(cxRequest('x').build()), JSON_HEADERS));

    const warnings = [...first.logger.records, ...second.logger.records].filter((r) => r.fields.code === 'ERR_OPENTELEMETRY_API');
    expect(warnings).toEqual([
      {
        level: 'warn',
        fields: { code: 'ERR_OPENTELEMETRY_API' },
        message: expect.stringMatching(
          /^Tracing is off: the OpenTelemetry SDK registered its tracer through @opentelemetry\/api 1\.2\.0, which the copy loaded here cannot use .*npm ls @opentelemetry\/api/,
        ),
      },
    ]);
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
