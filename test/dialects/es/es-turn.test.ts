import { es, type EsTurn, type FulfillerOptions, type Turn } from '../../../src/index.js';
import { esRequest } from '../../../src/testing/index.js';
import { neutralGetters, runHandler } from '../../support/app.js';
import { ES_SESSION } from '../../support/requests.js';
import { validResponse } from '../../support/responses.js';

async function answer(handler: (turn: EsTurn) => unknown, request = esRequest('i').build(), options: FulfillerOptions = {}) {
  const { result } = await runHandler(
    (turn: Turn) => {
      if (turn.platform !== 'es') throw new Error('expected an ES turn');
      return handler(turn);
    },
    request,
    options,
  );
  return validResponse('es', result);
}

const SESSION_CONTEXT = `${ES_SESSION}/contexts/fulfiller_session`;

describe('ES turn: reading the request', () => {
  it('exposes the neutral getters', async () => {
    const seen: Record<string, unknown> = {};
    await answer((turn) => {
      Object.assign(seen, neutralGetters(turn), { source: turn.source });
      turn.say('ok');
    }, esRequest('order.status').action('order.lookup').text('where is my order').language('en-US').source('facebook').build());
    expect(seen).toEqual({
      platform: 'es',
      tag: undefined,
      intent: 'order.status',
      action: 'order.lookup',
      text: 'where is my order',
      languageCode: 'en-US',
      sessionId: 'test-session',
      source: 'facebook',
    });
  });

  it('reads query parameters, then the session context, then other contexts; "" falls through', async () => {
    let values: unknown[] = [];
    await answer(
      (turn) => {
        values = ['a', 'b', 'c', 'd'].map((name) => turn.params.get(name));
        turn.say('ok');
      },
      esRequest('i')
        .params({ a: 'query', b: '' })
        .context('other', { params: { c: 'other', b: 'other-b' } })
        .sessionParams({ b: 'session', d: 'session-d' })
        .build(),
    );
    expect(values).toEqual(['query', 'session', 'other', 'session-d']);
  });
});

describe('ES turn: answers', () => {
  it('sends texts as fulfillmentText and text messages', async () => {
    const response = await answer((turn) => turn.say('one').say(['two', 'deux']));
    expect(response.fulfillmentText).toBe('one\ntwo');
    expect(response.fulfillmentMessages).toEqual([{ text: { text: ['one'] } }, { text: { text: ['two', 'deux'] } }]);
  });

  it('targets a platform', async () => {
    const response = await answer((turn) => turn.say('hi', { platform: 'SLACK' }).chips(['a'], { platform: 'LINE' }));
    expect(response.fulfillmentMessages).toEqual([
      { text: { text: ['hi'] }, platform: 'SLACK' },
      { quickReplies: { quickReplies: ['a'] }, platform: 'LINE' },
    ]);
  });

  it('maps the neutral vocabulary to platform messages, with the default platform', async () => {
    const response = await answer(
      (turn) =>
        turn
          .chips(['Yes', 'No'])
          .image({ url: 'https://example.com/i.png', alt: 'a box' })
          .link({ text: 'Track', url: 'https://example.com/t' })
          .card({
            title: 'A-1003',
            subtitle: 'Preparing',
            text: 'Within 2 days',
            imageUrl: 'https://example.com/c.png',
            buttons: [{ text: 'Open', link: 'https://example.com/o' }],
          }),
      esRequest('i').build(),
      { es: { platform: 'FACEBOOK' } },
    );
    expect(response.fulfillmentMessages).toEqual([
      { quickReplies: { quickReplies: ['Yes', 'No'] }, platform: 'FACEBOOK' },
      { image: { imageUri: 'https://example.com/i.png', accessibilityText: 'a box' }, platform: 'FACEBOOK' },
      { card: { title: 'Track', buttons: [{ text: 'Track', postback: 'https://example.com/t' }] }, platform: 'FACEBOOK' },
      {
        card: {
          title: 'A-1003',
          subtitle: 'Preparing\nWithin 2 days',
          imageUri: 'https://example.com/c.png',
          buttons: [{ text: 'Open', postback: 'https://example.com/o' }],
        },
        platform: 'FACEBOOK',
      },
    ]);
  });

  it('builds every listed ES message kind, Actions on Google kinds targeted there', async () => {
    const item = (key: string) => ({ info: { key, synonyms: [key] }, title: key.toUpperCase() });
    const response = await answer((turn) =>
      turn
        .message(es.simpleResponses([{ textToSpeech: 'Hello', displayText: 'Hello!' }]))
        .message(es.basicCard({ title: 'Card', formattedText: '**bold**', buttons: [{ title: 'Go', openUriAction: { uri: 'https://example.com' } }] }))
        .message(es.suggestions(['one', 'two']))
        .message(es.linkOutSuggestion('Site', 'https://example.com'))
        .message(es.listSelect({ title: 'Pick', items: [item('a'), item('b')] }))
        .message(es.carouselSelect({ items: [item('c'), item('d')] }))
        .message(es.quickReplies(['x'], { title: 'Choose' }))
        .message(es.image({ imageUri: 'https://example.com/i.png' }, { platform: 'TELEGRAM' }))
        .message(es.card({ title: 'T' }))
        .payload({ facebook: { text: 'hi' } }),
    );
    const kinds = response.fulfillmentMessages?.map((m) => [Object.keys(m).find((k) => k !== 'platform'), m.platform]);
    expect(kinds).toEqual([
      ['simpleResponses', 'ACTIONS_ON_GOOGLE'],
      ['basicCard', 'ACTIONS_ON_GOOGLE'],
      ['suggestions', 'ACTIONS_ON_GOOGLE'],
      ['linkOutSuggestion', 'ACTIONS_ON_GOOGLE'],
      ['listSelect', 'ACTIONS_ON_GOOGLE'],
      ['carouselSelect', 'ACTIONS_ON_GOOGLE'],
      ['quickReplies', undefined],
      ['image', 'TELEGRAM'],
      ['card', undefined],
      ['payload', undefined],
    ]);
    expect(response.fulfillmentMessages?.[6]).toEqual({ quickReplies: { title: 'Choose', quickReplies: ['x'] } });
  });

  it('sets a followup event with the request language', async () => {
    const response = await answer((turn) => turn.followupEvent('order_lookup', { id: 'A-1' }), esRequest('i').language('ja').build());
    expect(response.followupEventInput).toEqual({ name: 'order_lookup', languageCode: 'ja', parameters: { id: 'A-1' } });
  });

  it('sets session entity types', async () => {
    const response = await answer((turn) =>
      turn
        .sessionEntity('order', [{ value: 'A-1003', synonyms: ['1003', 'latest'] }, { value: 'A-1002' }])
        .sessionEntity('item', [{ value: 'mug' }], 'ENTITY_OVERRIDE_MODE_SUPPLEMENT'),
    );
    expect(response.sessionEntityTypes).toEqual([
      {
        name: `${ES_SESSION}/entityTypes/order`,
        entityOverrideMode: 'ENTITY_OVERRIDE_MODE_OVERRIDE',
        entities: [
          { value: 'A-1003', synonyms: ['1003', 'latest'] },
          { value: 'A-1002', synonyms: ['A-1002'] },
        ],
      },
      { name: `${ES_SESSION}/entityTypes/item`, entityOverrideMode: 'ENTITY_OVERRIDE_MODE_SUPPLEMENT', entities: [{ value: 'mug', synonyms: ['mug'] }] },
    ]);
  });
});

describe('ES turn: session parameters ride on the session context', () => {
  it('creates the session context on the first write', async () => {
    const response = await answer((turn) => void turn.params.set('return_number', 'R-0001'));
    expect(response.outputContexts).toEqual([{ name: SESSION_CONTEXT, lifespanCount: 50, parameters: { return_number: 'R-0001' } }]);
  });

  it('renews it on every turn, applying writes and deletes', async () => {
    const request = esRequest('i')
      .context('fulfiller_session', { lifespan: 3, params: { a: 1, b: 2 } })
      .build();
    expect((await answer((turn) => turn.say('no writes'), request)).outputContexts).toEqual([
      { name: SESSION_CONTEXT, lifespanCount: 50, parameters: { a: 1, b: 2 } },
    ]);
    expect((await answer((turn) => void turn.params.delete('a').set('c', 3), request)).outputContexts).toEqual([
      { name: SESSION_CONTEXT, lifespanCount: 50, parameters: { b: 2, c: 3 } },
    ]);
  });

  it('deletes it (lifespan 0) when the last parameter goes', async () => {
    const request = esRequest('i')
      .context('fulfiller_session', { params: { a: 1 } })
      .build();
    expect((await answer((turn) => void turn.params.delete('a'), request)).outputContexts).toEqual([{ name: SESSION_CONTEXT, lifespanCount: 0 }]);
  });

  it('uses the configured context id and lifespan', async () => {
    const response = await answer((turn) => void turn.params.set('x', 1), esRequest('i').build(), { es: { sessionContext: 'my_state', sessionLifespan: 7 } });
    expect(response.outputContexts).toEqual([{ name: `${ES_SESSION}/contexts/my_state`, lifespanCount: 7, parameters: { x: 1 } }]);
  });
});
