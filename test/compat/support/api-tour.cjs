/**
 * A fulfillment written for dialogflow-fulfillment 0.6, as its users wrote them, that uses all
 * of its API: run against the real library and against the compat module by
 * test/compat/dialogflow-fulfillment/api-tour.test.ts. `lib` is either library; the intent names
 * are the cases.
 */
'use strict';

module.exports = function tour(lib) {
  const { WebhookClient, Text, Card, Image, Suggestion, Payload } = lib;
  const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const sorted = (value) => {
    if (Array.isArray(value)) return value.map(sorted);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted(value[key])]),
    );
  };

  const intents = new Map([
    ['text', (agent) => agent.add('Hello')],
    ['texts', (agent) => agent.add(['Hello', 'How can I help?'])],
    ['text with ssml', (agent) => agent.add(new Text({ text: 'Hi', ssml: '<speak>Hi</speak>' }))],
    ['texts with ssml', (agent) => agent.add([new Text({ text: 'Hi', ssml: '<speak>Hi</speak>' }), new Text('there').setSsml('<speak>there</speak>')])],
    ['empty text', (agent) => agent.add('')],
    [
      'card',
      (agent) => {
        agent.add('A card:');
        agent.add(new Card({ title: 'Title', text: 'Body', imageUrl: 'https://example.com/a.png', buttonText: 'Open', buttonUrl: 'https://example.com' }));
        agent.add(
          new Card('Just a title')
            .setText('set text')
            .setImage('https://example.com/b.png')
            .setButton({ text: 'Go', url: 'https://example.com/go' })
            .setTitle('New title'),
        );
      },
    ],
    [
      'image',
      (agent) =>
        agent.add([new Image('https://example.com/i.png'), new Image({ imageUrl: 'https://example.com/j.png' }).setImage('https://example.com/k.png')]),
    ],
    [
      'suggestions',
      (agent) => {
        agent.add('Pick one');
        agent.add(new Suggestion('One'));
        agent.add(new Suggestion({ title: 'Two' }));
        agent.add(new Suggestion('Three').setReply('Three!'));
        agent.add(new Suggestion({ title: 'Slack only', platform: agent.SLACK }));
        agent.add(new Suggestion({ title: 'Slack too', platform: agent.SLACK }));
      },
    ],
    [
      'per platform',
      (agent) => {
        agent.add(new Text({ text: 'for Slack', platform: agent.SLACK }));
        agent.add(new Text({ text: 'for Facebook', platform: agent.FACEBOOK }));
        agent.add(new Card({ title: 'Telegram card', platform: agent.TELEGRAM }));
        agent.add(new Image({ imageUrl: 'https://example.com/line.png', platform: agent.LINE }));
        agent.add(new Text('for everyone'));
      },
    ],
    ['platform set later', (agent) => agent.add([new Text('unspecified').setPlatform(agent.UNSPECIFIED), new Text('viber').setPlatform(agent.VIBER), 'plain'])],
    [
      'payloads',
      (agent) => {
        agent.add('with payloads');
        agent.add(new Payload(agent.FACEBOOK, { attachment: { type: 'template' } }));
        agent.add(new Payload(agent.SLACK, { blocks: [{ type: 'section' }] }, { sendAsMessage: true }));
        agent.add(new Payload(agent.ACTIONS_ON_GOOGLE, { expectUserResponse: false }));
        agent.add(new Payload(agent.TELEGRAM, { raw: true }, { rawPayload: true, sendAsMessage: true }));
        agent.add(new Payload(agent.KIK, { v: 1 }).setPayload({ v: 2 }));
      },
    ],
    ['payload for no platform', (agent) => agent.add(['data', new Payload(agent.UNSPECIFIED, { order: 'A-1003' })])],
    ['payload twice', (agent) => agent.add([new Payload(agent.SLACK, { a: 1 }), new Payload(agent.SLACK, { b: 2 })])],
    [
      'contexts',
      (agent) => {
        agent.add('contexts');
        agent.context.set('weather', 2, { city: 'Rome' });
        agent.context.set({ name: 'order', lifespan: 3, parameters: { id: 'A-1003' } });
        agent.context.delete('old');
        agent.context.set('gone', 0);
        agent.setContext({ name: 'legacy', lifespan: 4, parameters: { x: 1 } });
        agent.context.set('keep', 3, { k: 'v' }); // as it came in: not sent again
      },
    ],
    [
      'context without lifespan',
      (agent) => {
        agent.add('ctx');
        agent.context.set('later', undefined, { a: 1 });
        agent.setContext('bare');
      },
    ],
    [
      'lifespan as text',
      (agent) => {
        agent.add('ctx');
        agent.setContext({ name: 'old', lifespan: '0' });
        agent.setContext({ name: 'two', lifespan: '2' });
      },
    ],
    [
      'lifespanCount trick',
      (agent) => {
        agent.add('ctx');
        agent.setContext({ name: 'old', lifespanCount: -1 });
      },
    ],
    [
      'reading contexts',
      (agent) => {
        const keep = agent.context.get('keep');
        const legacy = agent.getContext('keep');
        const names = [...agent.context].map((c) => c.name).sort();
        keep.parameters.seen = true; // changed in place: sent again
        agent.add(`keep=${keep.lifespan} ${JSON.stringify(legacy)} all=${names.join(',')} missing=${agent.getContext('nope')}`);
        agent.add(`v1 list: ${JSON.stringify(agent.contexts)}`);
      },
    ],
    [
      'clearing contexts',
      (agent) => {
        agent.add('cleared');
        agent.context.set('a', 2);
        agent.context.set('b', 2);
        agent.clearContext('a');
        agent.clearContext('old'); // an incoming one: only left out of the answer
      },
    ],
    [
      'clear all',
      (agent) => {
        agent.add('none');
        agent.context.set('new', 2);
        agent.clearOutgoingContexts();
      },
    ],
    [
      'followup',
      (agent) => {
        agent.add('ignored by Dialogflow');
        agent.setFollowupEvent('next-step');
      },
    ],
    [
      'followup with parameters',
      (agent) => {
        agent.add('x');
        agent.setFollowupEvent({ name: 'next-step', parameters: { order: 'A-1003' } });
      },
    ],
    ['followup only', (agent) => agent.setFollowupEvent('next-step')],
    ['contexts only', (agent) => agent.context.set('awaiting', 2)],
    ['nothing', () => undefined],
    [
      'async',
      async (agent) => {
        await later(5);
        agent.add('after a timer');
      },
    ],
    ['promise', (agent) => later(5).then(() => agent.add(new Card('later card')))],
    [
      'forgot to return',
      (agent) => {
        agent.add('right away');
        later(5).then(() => agent.add('too late'));
      },
    ],
    ['forgot to return, said nothing', (agent) => void later(5).then(() => agent.add('too late'))],
    [
      'throws',
      () => {
        throw new Error('backend down');
      },
    ],
    [
      'rejects',
      async () => {
        await later(1);
        throw new Error('backend down');
      },
    ],
    ['not a response', (agent) => agent.add(42)],
    ['end', (agent) => agent.end('Goodbye')],
    [
      'conv',
      (agent) => {
        const conv = agent.conv();
        if (conv) agent.add(conv);
        else agent.add('Not from the Assistant');
      },
    ],
    [
      'fields',
      (agent) => {
        const fields = {
          agentVersion: agent.agentVersion,
          intent: agent.intent,
          action: agent.action,
          parameters: agent.parameters,
          requestSource: agent.requestSource,
          originalRequest: agent.originalRequest,
          query: agent.query,
          locale: agent.locale,
          session: agent.session,
          alternativeQueryResults: agent.alternativeQueryResults,
          consoleMessages: agent.consoleMessages.length,
          platforms: [agent.UNSPECIFIED, agent.FACEBOOK, agent.SLACK, agent.TELEGRAM, agent.KIK, agent.SKYPE, agent.LINE, agent.VIBER, agent.ACTIONS_ON_GOOGLE],
        };
        agent.add(JSON.stringify(sorted(fields)));
        agent.add('and more');
      },
    ],
    ['console messages', (agent) => agent.add(agent.consoleMessages)],
    ['console messages and more', (agent) => agent.add([...agent.consoleMessages, 'from the webhook'])],
    [null, (agent) => agent.add(`default handler for ${agent.intent}`)],
  ]);

  /** The Express / Cloud Functions handler, as the templates have it. */
  return function webhook(request, response) {
    const agent = new WebhookClient({ request, response });
    if (agent.intent === 'no default') return agent.handleRequest(new Map([['text', intents.get('text')]]));
    if (agent.intent === 'one function') return agent.handleRequest((a) => a.add(`one handler for ${a.intent}`));
    return agent.handleRequest(intents);
  };
};
