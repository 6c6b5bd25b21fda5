import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createFulfiller, InvalidResponseError, type Fulfiller, type FulfillerOptions, type Handler } from '../../src/index.js';
import { JsonLineLogger } from '../../src/logging/json-line-logger.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';
import { JSON_HEADERS } from '../support/requests.js';
import { validResponse } from '../support/responses.js';

/** An app whose default logger writes its JSON lines into `lines`. */
function loggedApp(options: FulfillerOptions = {}): { app: Fulfiller; lines: string[] } {
  const lines: string[] = [];
  const logger = new JsonLineLogger({ write: (line: string) => lines.push(line) }, 'debug');
  return { app: createFulfiller({ mode: 'test', env: {}, logger, ...options }), lines };
}

const PERSONAL = ['Ichiro', 'Tanaka', 'hanako@example.com', '90-1234-5678', '4111 1111 1111 1111', 'Shibuya 1-2-3', '03 1234 5678'];

function leaks(text: string): string[] {
  return PERSONAL.filter((value) => text.includes(value));
}

describe('one redaction policy for logs, errors and recordings (field report 5)', () => {
  it('logs: personal keys at any depth, and e-mail addresses, phone and card numbers inside any text, the message included', async () => {
    const { app, lines } = loggedApp();
    app.tag('log', (turn) => {
      turn.log.info(
        {
          caller: { profile: { contact_name: 'Ichiro Tanaka', email: 'hanako@example.com', home: { address: 'Shibuya 1-2-3' } } },
          order: { items: [{ note: 'call me at +81 90-1234-5678' }], paidWith: 'card 4111 1111 1111 1111' },
          upstream: { headers: { Authorization: 'Bearer abc', 'X-Trace': 't-1' } },
          err: new Error('declined for hanako@example.com'),
          count: 3,
        },
        'the user asked to be called on 03 1234 5678',
      );
      turn.say('Noted.');
    });
    validResponse('cx', await app.handle(JSON.stringify(cxRequest('log').build()), JSON_HEADERS));
    const line = lines.find((text) => text.includes('the user asked'))!;
    expect(leaks(line)).toEqual([]);
    expect(line).not.toContain('Bearer abc');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed.caller).toEqual({ profile: { contact_name: '[redacted]', email: '[redacted]', home: { address: '[redacted]' } } });
    expect(parsed.order).toEqual({ items: [{ note: 'call me at [phone]' }], paidWith: 'card [card]' });
    expect(parsed.upstream).toEqual({ headers: { Authorization: '[redacted]', 'X-Trace': 't-1' } });
    expect(parsed.err).toMatchObject({ type: 'Error', message: 'declined for [email]' });
    expect(parsed.count).toBe(3);
    expect(parsed.message).toBe('the user asked to be called on [phone]');
  });

  it('errors: a builder refusing a user\u2019s value names what is wrong without quoting it, and the production log line has none of it', async () => {
    const number = '+81 90-1234-5678 (mobile)';
    const transfer: Handler = (turn) => {
      if (turn.platform === 'cx') turn.transferCall(number);
    };
    const development = loggedApp();
    development.app.tag('transfer', transfer);
    const thrown = await development.app.handle(cxRequest('transfer').build()).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(InvalidResponseError);
    expect((thrown as Error).message).toMatch(/telephonyTransferCall\.phoneNumber: is not an E\.164 phone number/);
    expect(leaks((thrown as Error).message)).toEqual([]);

    const production = loggedApp({ mode: 'production' });
    production.app.tag('transfer', transfer);
    validResponse('cx', await production.app.handle(cxRequest('transfer').build()));
    const errorLine = production.lines.find((text) => text.includes('"severity":"ERROR"'))!;
    expect(errorLine).toContain('telephonyTransferCall.phoneNumber');
    expect(leaks(production.lines.join('\n'))).toEqual([]);
  });

  it('recordings: nested name parameters, contact parameters and echoed answers are masked, in CX and ES', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redaction-policy-'));
    const app = createFulfiller({ mode: 'test', env: {}, logger: 'silent', record: { dir } });
    const greet: Handler = (turn) => {
      const caller = turn.params.get('caller') as { contact_name?: string } | undefined;
      turn.say(`Hello ${caller?.contact_name ?? 'there'}, we will write to hanako@example.com.`);
      turn.params.set('last_contact', { contact_name: caller?.contact_name ?? '' });
    };
    app.tag('greet', greet).intent('greet', greet);
    const caller = { contact_name: 'Ichiro Tanaka', address: 'Shibuya 1-2-3', phone: '03 1234 5678' };
    await app.handle(cxRequest('greet').params({ caller }).build(), JSON_HEADERS);
    await app.handle(esRequest('greet').context('profile', { lifespan: 5, params: { caller } }).build(), JSON_HEADERS);
    await app.close({ graceMs: 10 }); // flushes the recordings
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.json'));
    expect(files).toHaveLength(2);
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect({ file, leaks: leaks(text) }).toEqual({ file, leaks: [] });
      expect(text).toContain('[name]');
    }
  });
});
