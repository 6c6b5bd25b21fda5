import { cx, type CxTurn, type Turn } from '../../../src/index.js';
import { cxRequest } from '../../../src/testing/index.js';
import { neutralGetters, runHandler } from '../../support/app.js';
import { CX_AGENT, CX_FLOW, CX_SESSION } from '../../support/requests.js';
import { textsOf, validResponse } from '../../support/responses.js';

async function answer(handler: (turn: CxTurn) => unknown, request = cxRequest('t').build()) {
  const { result } = await runHandler((turn: Turn) => {
    if (turn.platform !== 'cx') throw new Error('expected a CX turn');
    return handler(turn);
  }, request);
  return validResponse('cx', result);
}

describe('CX turn: reading the request', () => {
  it('exposes the neutral getters', async () => {
    const seen: Record<string, unknown> = {};
    await answer((turn) => {
      Object.assign(seen, neutralGetters(turn), { session: turn.session });
      turn.say('ok');
    }, cxRequest('order.status').intent('check order').language('ja').text('注文は？').build());
    expect(seen).toEqual({
      platform: 'cx',
      tag: 'order.status',
      intent: 'check order',
      action: undefined,
      text: '注文は？',
      languageCode: 'ja',
      session: CX_SESSION,
      sessionId: 'test-session',
    });
  });

  it('reads session parameters first, then intent parameters', async () => {
    let values: unknown[] = [];
    await answer((turn) => {
      values = [turn.params.get('a'), turn.params.get('b'), turn.params.string('c')];
      turn.say('ok');
    }, cxRequest('t').params({ a: 'session' }).intent('i', { a: 'intent', b: 'intent-b', c: 7 }).build());
    expect(values).toEqual(['session', 'intent-b', '7']);
  });

  it('reads an intent parameter named __proto__ as a plain value, touching no prototype', async () => {
    const request = cxRequest('t').intent('i').build() as { intentInfo: { parameters: Record<string, unknown> } };
    request.intentInfo.parameters = JSON.parse('{"__proto__": {"resolvedValue": {"polluted": true}}, "b": {"resolvedValue": "x"}}') as Record<string, unknown>;
    let seen: unknown[] = [];
    await answer((turn) => {
      seen = [turn.params.get('__proto__'), turn.params.get('b'), Object.keys(turn.params.toObject())];
      turn.say('ok');
    }, request as never);
    expect(seen).toEqual([{ polluted: true }, 'x', ['__proto__', 'b']]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('CX turn: answers', () => {
  it('sends each say() as its own text message, variants together', async () => {
    const response = await answer((turn) => turn.say('one').say(['two a', 'two b']));
    expect(response.fulfillmentResponse?.messages).toEqual([{ text: { text: ['one'] } }, { text: { text: ['two a', 'two b'] } }]);
    expect(response.fulfillmentResponse?.mergeBehavior).toBeUndefined();
  });

  it('targets a channel and can replace the queued messages', async () => {
    const response = await answer((turn) => turn.say('web only', { channel: 'web' }).replaceMessages());
    expect(response.fulfillmentResponse).toEqual({ messages: [{ text: { text: ['web only'] }, channel: 'web' }], mergeBehavior: 'REPLACE' });
  });

  it('builds every CX message kind', async () => {
    const response = await answer((turn) =>
      turn
        .audio({ ssml: '<speak>Hello</speak>' })
        .audio({ text: 'Hello there' })
        .payload({ custom: [1, 2] })
        .playAudio('https://example.com/a.wav')
        .transferCall('+15551234567')
        .handoff({ queue: 'billing' })
        .success({ reason: 'done' })
        .knowledgeInfoCard()
        .message(cx.text('raw')),
    );
    expect(response.fulfillmentResponse?.messages).toEqual([
      { outputAudioText: { ssml: '<speak>Hello</speak>' } },
      { outputAudioText: { text: 'Hello there' } },
      { payload: { custom: [1, 2] } },
      { playAudio: { audioUri: 'https://example.com/a.wav' } },
      { telephonyTransferCall: { phoneNumber: '+15551234567' } },
      { liveAgentHandoff: { metadata: { queue: 'billing' } } },
      { conversationSuccess: { metadata: { reason: 'done' } } },
      { knowledgeInfoCard: {} },
      { text: { text: ['raw'] } },
    ]);
  });

  it('refuses a phone number that is not E.164 (test mode throws, naming the field)', async () => {
    await expect(answer((turn) => turn.transferCall('555-1234'))).rejects.toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      path: 'telephonyTransferCall.phoneNumber',
    });
  });

  it('maps the neutral vocabulary to Dialogflow Messenger rich content', async () => {
    const response = await answer((turn) =>
      turn
        .chips(['Yes', { text: 'Help', link: 'https://example.com/help' }])
        .image({ url: 'https://example.com/i.png', alt: 'a box' })
        .link({ text: 'Track', url: 'https://example.com/t' })
        .card({
          title: 'A-1003',
          subtitle: 'Preparing',
          text: 'Within 2 days',
          imageUrl: 'https://example.com/c.png',
          buttons: [{ text: 'Open', link: 'https://example.com/o' }],
        }),
    );
    const payloads = response.fulfillmentResponse?.messages?.map((m) => m.payload);
    expect(payloads).toEqual([
      { richContent: [[{ type: 'chips', options: [{ text: 'Yes' }, { text: 'Help', link: 'https://example.com/help' }] }]] },
      { richContent: [[{ type: 'image', rawUrl: 'https://example.com/i.png', accessibilityText: 'a box' }]] },
      { richContent: [[{ type: 'button', icon: { type: 'chevron_right' }, text: 'Track', link: 'https://example.com/t' }]] },
      {
        richContent: [
          [
            { type: 'image', rawUrl: 'https://example.com/c.png', accessibilityText: 'A-1003' },
            { type: 'info', title: 'A-1003', subtitle: 'Preparing' },
            { type: 'description', text: ['Within 2 days'] },
            { type: 'button', icon: { type: 'chevron_right' }, text: 'Open', link: 'https://example.com/o' },
          ],
        ],
      },
    ]);
  });

  it('writes session parameters as a diff, null deleting', async () => {
    const response = await answer((turn) => {
      turn.params.set('return_number', 'R-0001').delete('draft').set('count', 2);
    }, cxRequest('t').params({ draft: 'x', keep: 1 }).build());
    expect(response.sessionInfo).toEqual({ parameters: { return_number: 'R-0001', draft: null, count: 2 } });
    expect(response.fulfillmentResponse).toBeUndefined();
  });

  it('sets the webhook payload for the API caller', async () => {
    const response = await answer((turn) => turn.webhookPayload({ orderId: 'A-1003' }).say('ok'));
    expect(response.payload).toEqual({ orderId: 'A-1003' });
  });
});

describe('CX turn: transitions', () => {
  it.each([
    [{ page: 'confirm' }, { targetPage: `${CX_FLOW}/pages/confirm` }],
    [{ page: 'END_SESSION' }, { targetPage: `${CX_FLOW}/pages/END_SESSION` }],
    [{ flow: 'returns', page: 'start' }, { targetPage: `${CX_AGENT}/flows/returns/pages/start` }],
    [{ flow: 'returns' }, { targetFlow: `${CX_AGENT}/flows/returns` }],
    [{ flow: `${CX_AGENT}/flows/f9` }, { targetFlow: `${CX_AGENT}/flows/f9` }],
    [{ page: `${CX_AGENT}/flows/f9/pages/p9` }, { targetPage: `${CX_AGENT}/flows/f9/pages/p9` }],
  ] as const)('%j → %j', async (target, expected) => {
    const response = await answer((turn) => turn.transition(target));
    expect(response).toEqual(expected);
  });

  it('uses the agent of the session name when there is no current page', async () => {
    const request = cxRequest('t').build();
    delete request.pageInfo;
    expect(await answer((turn) => turn.transition({ flow: 'returns' }), request)).toEqual({ targetFlow: `${CX_AGENT}/flows/returns` });
  });

  it('answers with the apology and logs ERR_UNRESOLVED_TARGET when a page id has no flow to belong to', async () => {
    const request = cxRequest('t').build();
    delete request.pageInfo;
    const { result, logger } = await runHandler((turn: Turn) => {
      if (turn.platform === 'cx') turn.transition({ page: 'confirm' });
    }, request);
    expect(textsOf(validResponse('cx', result))).toEqual(['Sorry, the system is currently unavailable. Please try again later.']);
    expect(logger.records.find((r) => r.level === 'error')?.fields.code).toBe('ERR_UNRESOLVED_TARGET');
  });

  it('keeps the last transition: a response has at most one target', async () => {
    const response = await answer((turn) => turn.transition({ page: 'a' }).transition({ flow: 'b' }));
    expect(response).toEqual({ targetFlow: `${CX_AGENT}/flows/b` });
  });
});
