import type { EsTurn, Turn } from '../../../src/index.js';
import { esRequest } from '../../../src/testing/index.js';
import { runHandler } from '../../support/app.js';
import { ES_SESSION } from '../../support/requests.js';
import { validResponse } from '../../support/responses.js';

async function answer(handler: (turn: EsTurn) => unknown, request = esRequest('i').build()) {
  const { result } = await runHandler((turn: Turn) => (turn.platform === 'es' ? handler(turn) : undefined), request);
  return validResponse('es', result);
}

const request = esRequest('i')
  .context('awaiting_order', { lifespan: 2, params: { order: 'A-1' } })
  .sessionParams({ s: 1 })
  .build();
// The builder writes ids in lower case, as Dialogflow does; the turn reads any case.
request.queryResult!.outputContexts![0]!.name = `${ES_SESSION}/contexts/Awaiting_Order`;

describe('ES contexts', () => {
  it('reads active contexts by id, case-insensitively, hiding the session context', async () => {
    let seen: unknown;
    await answer((turn) => {
      seen = { one: turn.contexts.get('AWAITING_ORDER'), all: turn.contexts.all(), has: turn.contexts.has('fulfiller_session') };
      turn.say('ok');
    }, request);
    expect(seen).toEqual({
      one: { id: 'awaiting_order', lifespanCount: 2, parameters: { order: 'A-1' } },
      all: [{ id: 'awaiting_order', lifespanCount: 2, parameters: { order: 'A-1' } }],
      has: false,
    });
  });

  it('sets contexts with exactly the lifespan given, 0 included', async () => {
    const response = await answer((turn) => {
      turn.contexts.set('Confirm', { lifespan: 3, parameters: { item: 'mug' } });
      turn.contexts.set('gone', { lifespan: 0 });
      turn.contexts.delete('awaiting_order');
      turn.say('ok');
    }, request);
    expect(response.outputContexts).toEqual([
      { name: `${ES_SESSION}/contexts/confirm`, lifespanCount: 3, parameters: { item: 'mug' } },
      { name: `${ES_SESSION}/contexts/gone`, lifespanCount: 0 },
      { name: `${ES_SESSION}/contexts/awaiting_order`, lifespanCount: 0 },
      { name: `${ES_SESSION}/contexts/fulfiller_session`, lifespanCount: 50, parameters: { s: 1 } },
    ]);
  });

  it("reflects this turn's changes when read back", async () => {
    let seen: unknown;
    await answer((turn) => {
      turn.contexts.delete('awaiting_order');
      turn.contexts.set('next', { lifespan: 1 });
      seen = turn.contexts.all().map((c) => c.id);
    }, request);
    expect(seen).toEqual(['next']);
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses lifespan %p', async (lifespan) => {
    let error: unknown;
    await answer((turn) => {
      try {
        turn.contexts.set('x', { lifespan });
      } catch (e) {
        error = e;
      }
      turn.say('ok');
    });
    expect(error).toMatchObject({ code: 'ERR_INVALID_RESPONSE', path: 'outputContexts' });
  });

  it('refuses an id with characters Dialogflow does not allow', async () => {
    let error: unknown;
    await answer((turn) => {
      try {
        turn.contexts.set('a/b', { lifespan: 1 });
      } catch (e) {
        error = e;
      }
      turn.say('ok');
    });
    expect(error).toMatchObject({ code: 'ERR_INVALID_RESPONSE' });
  });
});
