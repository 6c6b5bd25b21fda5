import type { HttpResult, JsonObject } from '../../src/index.js';
import { cxRequest, esRequest, fixtureDocument, type TurnInput } from '../../src/testing/index.js';
import { parseFixture } from '../../src/testing/parse-fixture.js';
import type { ReplayTarget } from '../../src/testing/replay-target.js';
import { runFixture } from '../../src/testing/run-fixture.js';
import { sampleTarget } from './support/sample.js';

const fixture = (turns: TurnInput | TurnInput[], extra: JsonObject = {}) => parseFixture({ ...fixtureDocument(turns), ...extra }, 'f.json');
const target = (): ReplayTarget => sampleTarget();

describe('runFixture', () => {
  it('passes a conversation whose state is carried between turns, and captures values for later turns', async () => {
    const outcome = await runFixture(
      fixture([
        { request: cxRequest('count'), expect: { texts: ['Count 1.'], params: { count: 1 } } },
        { request: cxRequest('ticket'), capture: { ticket: 'ticket is (T-\\d+)' }, expect: { textMatches: '{{ticket}}\\.$' } },
        { request: cxRequest('greet').params({ name: '{{ticket}}' }), expect: { texts: ['Hello, T-001!'] } },
        { request: cxRequest('count').params({}), expect: { params: { count: 2 } } },
      ]),
      target(),
    );
    expect(outcome.turns.map((t) => t.mismatches)).toEqual([[], [], [], []]);
    expect(outcome).toMatchObject({ passed: true, skipped: 0 });
    expect(Object.fromEntries(outcome.captured)).toEqual({ ticket: 'T-001' });
    expect(outcome.turns[3]!.request!.sessionInfo).toMatchObject({ parameters: { count: 1, name: 'T-001' } });
  });

  it('stops a conversation at the first failing turn, with what did not hold', async () => {
    const outcome = await runFixture(
      fixture([
        { request: cxRequest('count') },
        { name: 'second', request: cxRequest('count'), expect: { texts: ['Count 3.'] } },
        { request: cxRequest('count') },
      ]),
      target(),
    );
    expect(outcome).toMatchObject({ passed: false, skipped: 1 });
    expect(outcome.turns[1]).toMatchObject({
      label: 'turn 2 (second)',
      attempts: 1,
      mismatches: [{ what: 'texts', expected: ['Count 3.'], actual: ['Count 2.'] }],
    });
  });

  it('runs every turn with keepGoing (for --update)', async () => {
    const outcome = await runFixture(fixture([{ request: cxRequest('count'), expect: { texts: ['no'] } }, { request: cxRequest('count') }]), target(), {
      keepGoing: true,
    });
    expect(outcome.turns).toHaveLength(2);
    expect(outcome.passed).toBe(false);
  });

  it('sends a turn again until its expectation holds, within retryMs', async () => {
    const sleeps: number[] = [];
    const sleep = async (ms: number): Promise<void> => void sleeps.push(ms);
    const outcome = await runFixture(fixture({ request: cxRequest('poll'), expect: { texts: ['Done.'] }, retryMs: 60_000 }), target(), {
      sleep,
      retryEveryMs: 5,
    });
    expect(outcome.passed).toBe(true);
    expect(outcome.turns[0]!.attempts).toBe(3);
    expect(sleeps).toEqual([5, 5]);

    let now = 0;
    const late = await runFixture(fixture({ request: cxRequest('poll'), expect: { texts: ['Never.'] }, retryMs: 100, waitMs: 7 }), target(), {
      sleep: async (ms) => void (now += ms),
      now: () => now,
      retryEveryMs: 40,
    });
    expect(late.passed).toBe(false);
    expect(late.turns[0]!.attempts).toBe(4); // at 7, 47, 87 and 127 ms: then the 100 ms are over
  });

  it('fails a turn whose answer breaks the response schema, or is not JSON', async () => {
    const answering = (body: string): ReplayTarget => ({ sessionContext: 'fulfiller_session', send: async () => ({ status: 200, headers: {}, body }) });
    const broken = await runFixture(fixture({ request: cxRequest('x') }), answering('{"fulfillmentResponse":{"messages":[{"text":{"text":"hi"}}]}}'));
    expect(broken.turns[0]!.mismatches).toEqual([
      {
        what: 'response schema at fulfillmentResponse.messages[0].text.text',
        expected: 'a valid CX WebhookResponse',
        actual: undefined,
        note: expect.any(String),
      },
    ]);
    const text = await runFixture(fixture({ request: cxRequest('x') }), answering('<html>'));
    expect(text.turns[0]!.mismatches[0]).toMatchObject({ what: 'response', note: 'the body is not JSON' });
  });

  it('reports a webhook that cannot be reached as the error of the turn', async () => {
    const down: ReplayTarget = { sessionContext: 'fulfiller_session', send: async () => Promise.reject(new Error('cannot reach http://x: ECONNREFUSED')) };
    const outcome = await runFixture(fixture([{ request: cxRequest('x') }, { request: cxRequest('y') }]), down);
    expect(outcome).toMatchObject({ passed: false, skipped: 1, turns: [{ error: 'cannot reach http://x: ECONNREFUSED' }] });
  });

  it('fails a turn whose capture finds nothing, and does not go on', async () => {
    const outcome = await runFixture(
      fixture([{ request: cxRequest('greet'), capture: { n: 'R-\\d+' } }, { request: cxRequest('greet').params({ name: '{{n}}' }) }]),
      target(),
      { keepGoing: true },
    );
    expect(outcome.turns).toHaveLength(1);
    expect(outcome.turns[0]!.mismatches).toEqual([
      { what: 'capture.n', expected: 'R-\\d+', actual: 'Hello, there!', note: 'the pattern found nothing in the texts' },
    ]);
  });

  it('shows every answer as received, and compares a recorded fixture masked', async () => {
    const seen: HttpResult[] = [];
    const outcome = await runFixture(
      fixture({ request: esRequest('contact'), expect: { texts: ['Calling nobody at [phone].'] } }, { redact: true }),
      target(),
      { onResponse: (_dialect, result) => void seen.push(result) },
    );
    expect(outcome.passed).toBe(true);
    expect(seen.map((r) => JSON.parse(r.body).fulfillmentText)).toEqual(['Calling nobody at +81 90-1234-5678.']);
  });

  it('checks ES contexts and the session context the app keeps parameters in', async () => {
    const outcome = await runFixture(
      fixture([
        {
          request: esRequest('contexts').context('old', { lifespan: 3 }),
          expect: { texts: ['Seen: old=3.'], contexts: { awaiting: { lifespanCount: 2, parameters: { step: 1 } }, old: null } },
        },
        { request: esRequest('contexts'), expect: { texts: ['Seen: awaiting=1.'] } },
        { request: esRequest('count'), expect: { params: { count: 1 } } },
        { request: esRequest('forget'), expect: { params: { count: 1, color: null } } },
      ]),
      target(),
    );
    expect(outcome.turns.map((t) => t.mismatches)).toEqual([[], [], [], []]);
  });
});
