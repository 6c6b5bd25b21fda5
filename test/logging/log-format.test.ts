import { JsonLineLogger } from '../../src/logging/json-line-logger.js';
import { LazyChild } from '../../src/logging/lazy-child.js';
import { jsonMembers } from '../../src/logging/log-format.js';
import { createFulfiller, type Logger } from '../../src/index.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';

/** The default logger, writing its lines into an array (each must be one JSON object and end the line). */
function capture(level = 'debug'): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = {
    write(line: string) {
      expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n')).toBe(true);
      lines.push(JSON.parse(line) as Record<string, unknown>);
    },
  };
  return { logger: new JsonLineLogger(sink, level), lines };
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

  it('redacts personal data and credentials', () => {
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
    await app.handle(JSON.stringify(cxRequest('order.status').text('where is my parcel, I am Hanako').params({ customer_id: '12345' }).build()), {
      ...JSON_HEADERS,
      'x-request-id': 'req-7',
    });
    const answered = lines.find((l) => l.message === 'turn answered');
    expect(answered).toMatchObject({
      requestId: 'req-7',
      session: 'test-session',
      dialect: 'cx',
      outcome: 'handled',
      route: { kind: 'tag', key: 'order.status' },
      status: 200,
      severity: 'INFO',
    });
    expect(typeof answered!.ms).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/Hanako|parcel|12345/);
  });

  it('writes the levels from LOG_LEVEL up, and refuses a level it does not know', () => {
    const written = (level: string): string[] => {
      const { logger, lines } = capture(level);
      for (const name of ['debug', 'info', 'warn', 'error'] as const) logger[name]({}, name);
      return lines.map((line) => line.message as string);
    };
    expect(written('trace')).toEqual(['debug', 'info', 'warn', 'error']);
    expect(written('info')).toEqual(['info', 'warn', 'error']);
    expect(written('error')).toEqual(['error']);
    expect(written('silent')).toEqual([]);
    expect(() => createFulfiller({ env: { LOG_LEVEL: 'loud' } })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION', message: expect.stringContaining('"loud"') }),
    );
  });

  it('a per-request child is made only for a line its parent would write; a logger that cannot tell is asked anyway', () => {
    const { logger, lines } = capture('info');
    let made = 0;
    const counting: Logger = {
      ...logger,
      debug: logger.debug.bind(logger),
      info: logger.info.bind(logger),
      warn: logger.warn.bind(logger),
      error: logger.error.bind(logger),
      isLevelEnabled: logger.isLevelEnabled!.bind(logger),
      child: (b) => (made++, logger.child(b)),
    };
    const lazy = new LazyChild(counting, { requestId: 'r1' });
    lazy.child({ dialect: 'cx' }).debug({}, 'not written');
    expect(made).toBe(0);
    lazy.info({}, 'written');
    expect(made).toBe(1);
    expect(lines).toEqual([expect.objectContaining({ requestId: 'r1', message: 'written' })]);

    const plain: string[] = [];
    const noLevels: Logger = { debug: (_, m) => void plain.push(m), info: () => {}, warn: () => {}, error: () => {}, child: () => noLevels };
    new LazyChild(noLevels, {}).debug({}, 'asked');
    expect(plain).toEqual(['asked']);
  });

  it('puts severity, level and time first, then the bindings of each child, the fields, and the message last', () => {
    const { logger, lines } = capture();
    const child = logger.child({ requestId: 'r1' });
    child.child({ dialect: 'es' }).info({ status: 200 }, 'say "hi"\nthen go');
    child.warn({}, 'parent bindings only');
    logger.error({}, 'no bindings');
    expect(Object.keys(lines[0]!)).toEqual(['severity', 'level', 'time', 'requestId', 'dialect', 'status', 'message']);
    expect(lines[0]!.message).toBe('say "hi"\nthen go');
    expect(lines[1]).toEqual({ severity: 'WARNING', level: 40, time: expect.any(String), requestId: 'r1', message: 'parent bindings only' });
    expect(Object.keys(lines[2]!)).toEqual(['severity', 'level', 'time', 'message']);
  });

  it('logs an error with its type, message, code and stack, and never throws on a field JSON cannot take', () => {
    const { logger, lines } = capture();
    const cycle: Record<string, unknown> = { label: 'loop' };
    cycle.self = cycle;
    const failure = Object.assign(new TypeError('bad input'), { code: 'E_BAD' });
    logger.error({ err: failure, cycle, big: 12n, shared: [cycle, cycle], gone: undefined }, 'odd fields');
    expect(lines[0]).toMatchObject({
      err: { type: 'TypeError', message: 'bad input', code: 'E_BAD' },
      cycle: { label: 'loop', self: '[Circular]' },
      big: '12',
    });
    expect((lines[0]!.err as { stack: string }).stack).toContain('bad input');
    expect(lines[0]!.shared).toEqual([
      { label: 'loop', self: '[Circular]' },
      { label: 'loop', self: '[Circular]' },
    ]);
    expect('gone' in lines[0]!).toBe(false);
  });
});

describe('jsonMembers', () => {
  it('writes the members of an object as they go inside a JSON object, or nothing', () => {
    expect(jsonMembers({ a: 1, b: 'x' })).toBe(',"a":1,"b":"x"');
    expect(jsonMembers({})).toBe('');
    expect(jsonMembers({ skipped: undefined })).toBe('');
  });
});

describe('the session in log lines', () => {
  it('is the last segment of the session name, for both dialects', async () => {
    const { logger, lines } = capture('info');
    const app = createFulfiller({ mode: 'test', env: {}, logger });
    await app.handle(JSON.stringify(cxRequest('x').build()), JSON_HEADERS);
    await app.handle(JSON.stringify(esRequest('x').build()), JSON_HEADERS);
    const answered = lines.filter((line) => line.message === 'turn answered');
    expect(answered.map((line) => [line.dialect, line.session])).toEqual([
      ['cx', 'test-session'],
      ['es', 'test-session'],
    ]);
  });
});
