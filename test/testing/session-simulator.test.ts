import { SessionSimulator } from '../../src/testing/session-simulator.js';
import type { JsonObject } from '../../src/index.js';

const CX_SESSION = 'projects/p/locations/global/agents/a/sessions/s1';
const ES_SESSION = 'projects/p/agent/sessions/s1';

const cx = (tag: string, parameters?: JsonObject, extra: JsonObject = {}): JsonObject => ({
  fulfillmentInfo: { tag },
  ...(parameters === undefined ? {} : { sessionInfo: { parameters } }),
  ...extra,
});
const es = (intent: string, contexts?: JsonObject[], extra: JsonObject = {}): JsonObject => ({
  queryResult: { intent: { displayName: intent }, ...(contexts === undefined ? {} : { outputContexts: contexts }) },
  ...extra,
});
const context = (id: string, lifespanCount: number, parameters?: JsonObject): JsonObject => ({
  name: `${ES_SESSION}/contexts/${id}`,
  lifespanCount,
  ...(parameters === undefined ? {} : { parameters }),
});

describe('SessionSimulator, CX', () => {
  it('sends the first turn exactly as written', () => {
    const first = cx('a', { x: 1 }, { languageCode: 'en' });
    expect(new SessionSimulator('cx').prepare(first)).toEqual(first);
  });

  it('merges the parameters the answer set into the next request; null deletes', () => {
    const sim = new SessionSimulator('cx');
    const sent = sim.prepare(
      cx('a', { customer_id: '12345', draft: 'x' }, { sessionInfo: { session: CX_SESSION, parameters: { customer_id: '12345', draft: 'x' } } }),
    );
    sim.apply(sent, { sessionInfo: { parameters: { return_number: 'R-0001', draft: null } } });
    const next = sim.prepare(cx('b', { order_number: 'A-1002' }));
    expect(next.sessionInfo).toEqual({ session: CX_SESSION, parameters: { customer_id: '12345', return_number: 'R-0001', order_number: 'A-1002' } });
    expect(sim.state.params).toEqual({ customer_id: '12345', return_number: 'R-0001' });
  });

  it("lets the turn's own parameters win over carried ones", () => {
    const sim = new SessionSimulator('cx');
    sim.apply(sim.prepare(cx('a', { color: 'red' })), {});
    expect((sim.prepare(cx('b', { color: 'green' })).sessionInfo as JsonObject).parameters).toEqual({ color: 'green' });
  });

  it('carries the session name and the language when a turn leaves them out, and keeps them when given', () => {
    const sim = new SessionSimulator('cx');
    sim.apply(sim.prepare(cx('a', {}, { languageCode: 'ja', sessionInfo: { session: CX_SESSION } })), {});
    const next = sim.prepare(cx('b'));
    expect(next.languageCode).toBe('ja');
    expect((next.sessionInfo as JsonObject).session).toBe(CX_SESSION);
    expect(sim.prepare(cx('b', {}, { languageCode: 'en' })).languageCode).toBe('en');
  });

  it("makes a targetPage the next turn's current page, unless the turn names its own", () => {
    const sim = new SessionSimulator('cx');
    const page = 'projects/p/locations/global/agents/a/flows/f/pages/confirm';
    sim.apply(sim.prepare(cx('a')), { targetPage: page });
    expect(sim.prepare(cx('b')).pageInfo).toEqual({ currentPage: page });
    expect(sim.prepare(cx('b', undefined, { pageInfo: { currentPage: 'mine' } })).pageInfo).toEqual({ currentPage: 'mine' });
  });

  it('is pure in prepare(): a retried turn gets the same request', () => {
    const sim = new SessionSimulator('cx');
    sim.apply(sim.prepare(cx('a', { a: 1 })), { sessionInfo: { parameters: { b: 2 } } });
    const turn = cx('b');
    expect(sim.prepare(turn)).toEqual(sim.prepare(turn));
    expect(turn).toEqual(cx('b')); // the fixture's own request is never changed
  });
});

describe('SessionSimulator, ES', () => {
  it('counts lifespans down before each later turn and drops a context that reaches 0', () => {
    const sim = new SessionSimulator('es');
    const first = sim.prepare(es('a', [context('two', 2, { x: 1 }), context('one', 1)], { session: ES_SESSION }));
    sim.apply(first, {});
    const second = sim.prepare(es('b'));
    expect((second.queryResult as JsonObject).outputContexts).toEqual([context('two', 1, { x: 1 })]);
    sim.apply(second, {});
    expect((sim.prepare(es('c')).queryResult as JsonObject).outputContexts).toEqual([]);
  });

  it("takes the answer's contexts over the active ones of the same id; lifespan 0 deletes", () => {
    const sim = new SessionSimulator('es');
    const sent = sim.prepare(es('a', [context('old', 5), context('keep', 5, { k: 1 })], { session: ES_SESSION }));
    sim.apply(sent, { outputContexts: [context('old', 0), context('keep', 3, { k: 2 }), context('new', 2)] });
    expect(sim.state.contexts).toEqual([
      { id: 'keep', lifespanCount: 3, parameters: { k: 2 } },
      { id: 'new', lifespanCount: 2, parameters: {} },
    ]);
    expect((sim.prepare(es('b')).queryResult as JsonObject).outputContexts).toEqual([context('keep', 2, { k: 2 }), context('new', 1)]);
  });

  it("lets the turn's own contexts win, and names carried ones after the turn's session", () => {
    const sim = new SessionSimulator('es');
    sim.apply(sim.prepare(es('a', [context('a', 5), context('b', 5)], { session: ES_SESSION })), {});
    const other = 'projects/p/agent/sessions/s2';
    const next = sim.prepare(es('b', [context('b', 9)], { session: other }));
    expect((next.queryResult as JsonObject).outputContexts).toEqual([{ name: `${other}/contexts/a`, lifespanCount: 4 }, context('b', 9)]);
  });

  it('carries the session and the language into a turn that leaves them out', () => {
    const sim = new SessionSimulator('es');
    sim.apply(sim.prepare({ session: ES_SESSION, queryResult: { languageCode: 'ja', intent: { displayName: 'a' } } }), {});
    const next = sim.prepare(es('b'));
    expect(next.session).toBe(ES_SESSION);
    expect((next.queryResult as JsonObject).languageCode).toBe('ja');
  });

  it('reads context ids case-insensitively, as Dialogflow lower-cases them', () => {
    const sim = new SessionSimulator('es');
    sim.apply(sim.prepare(es('a', [{ name: `${ES_SESSION}/contexts/Awaiting`, lifespanCount: 3 }], { session: ES_SESSION })), {});
    expect(sim.state.contexts.map((c) => c.id)).toEqual(['awaiting']);
  });
});
