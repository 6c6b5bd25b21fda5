import { Writable } from 'node:stream';
import { pino } from 'pino';
import { pinoOptions } from '../../src/ops/log-format.js';
import { sessionIdOf } from '../../src/ops/session-id-of.js';
import { createFulfiller, type Logger } from '../../src/index.js';
import { cxRequest, esRequest, JSON_HEADERS } from '../support/requests.js';

/** A pino logger with the default set-up, writing its lines into an array. */
function capture(level = 'debug'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino(pinoOptions(level), sink) as unknown as Logger, lines };
}

describe('the default log format', () => {
  it('writes severity and message for Cloud Logging, with an ISO time and the numeric level', () => {
    const { logger, lines } = capture();
    logger.warn({ deadlineMs: 4000 }, 'deadline exceeded');
    logger.error({}, 'boom');
    expect(lines[0]).toMatchObject({ severity: 'WARNING', level: 40, message: 'deadline exceeded', deadlineMs: 4000 });
    expect(lines[1]).toMatchObject({ severity: 'ERROR', level: 50 });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it('redacts personal data and credentials, at the top and one level down', () => {
    const { logger, lines } = capture();
    logger.child({ requestId: 'r1' }).info(
      {
        text: 'my card is 4111 1111 1111 1111',
        params: { customer_id: '12345' },
        fields: { email: 'hanako@example.com', queryText: 'call me at 090' },
        headers: { authorization: 'Bearer secret', 'x-api-key': 'k', 'content-type': 'application/json' },
        route: { kind: 'tag', key: 'order.status' },
      },
      'turn answered',
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of ['4111', '12345', 'hanako', '090', 'Bearer secret', '"k"']) expect(line).not.toContain(secret);
    expect(lines[0]).toMatchObject({ requestId: 'r1', text: '[redacted]', params: '[redacted]', route: { key: 'order.status' } });
    expect(lines[0]!.headers).toEqual({ authorization: '[redacted]', 'x-api-key': '[redacted]', 'content-type': 'application/json' });
  });

  it('the turn log line carries request id, session, dialect, route, status and latency; nothing the user said', async () => {
    const { logger, lines } = capture('info');
    const app = createFulfiller({ mode: 'test', env: {}, logger });
    app.tag('order.status', (turn) => void turn.say('On its way.'));
    await app.handle(JSON.stringify(cxRequest('order.status', { text: 'where is my parcel, I am Hanako', params: { customer_id: '12345' } })), { ...JSON_HEADERS, 'x-request-id': 'req-7' });
    const answered = lines.find((l) => l.message === 'turn answered');
    expect(answered).toMatchObject({ requestId: 'req-7', session: 'session-1', dialect: 'cx', outcome: 'handled', route: { kind: 'tag', key: 'order.status' }, status: 200, severity: 'INFO' });
    expect(typeof answered!.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/Hanako|parcel|12345/);
  });
});

describe('sessionIdOf', () => {
  it('takes the last segment of the session name, for both dialects', () => {
    expect(sessionIdOf('cx', cxRequest('x') as unknown as Record<string, unknown>)).toBe('session-1');
    expect(sessionIdOf('es', esRequest('x') as unknown as Record<string, unknown>)).toBe('session-1');
    expect(sessionIdOf('cx', {})).toBeUndefined();
  });
});
