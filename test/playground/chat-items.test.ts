/**
 * What the page draws of a WebhookResponse: every message kind of both dialects, the things
 * that are not messages as events, and what it cannot draw kept as JSON.
 */
import { chatItems } from '../../src/playground/chat-items.js';
import type { Json, JsonMap } from '../../src/playground/view.js';
import { checkBody } from '../support/responses.js';

/** Responses here are valid WebhookResponses, as an app would send them. */
function items(dialect: 'cx' | 'es', response: JsonMap) {
  checkBody(dialect, JSON.stringify(response));
  return chatItems(dialect, response);
}

describe('chatItems (CX)', () => {
  it('shows the first variant of a text, with the others noted, and the channel', () => {
    expect(items('cx', { fulfillmentResponse: { messages: [{ text: { text: ['Hi!', 'Hello!'] }, channel: 'web' }] } })).toEqual([
      { kind: 'text', text: 'Hi!', channel: 'web', alternatives: ['Hello!'] },
    ]);
  });

  it("reads Dialogflow Messenger's rich content, one card per inner list", () => {
    const richContent: Json = [
      [
        { type: 'image', rawUrl: 'https://example.com/a.png', accessibilityText: 'A parcel' },
        {
          type: 'info',
          title: 'A-1003',
          subtitle: 'Preparing',
          image: { src: { rawUrl: 'https://example.com/i.png' } },
          anchor: { href: 'https://example.com' },
        },
        { type: 'description', title: 'Details', text: ['Line 1', 'Line 2'] },
        { type: 'button', icon: { type: 'chevron_right' }, text: 'Track', link: 'https://example.com/t', event: { event: 'track' } },
      ],
      [
        {
          type: 'chips',
          options: [
            { text: 'Yes', image: { src: { rawUrl: 'https://example.com/y.png' } } },
            { text: 'Docs', link: 'https://example.com/d' },
          ],
        },
      ],
      [
        { type: 'list', title: 'Mouse', subtitle: 'MOUSE-200', event: { event: 'pick' } },
        { type: 'divider' },
        { type: 'accordion', title: 'Policy', text: '30 days' },
      ],
      [{ type: 'match_citations', citations: [] }],
    ];
    expect(items('cx', { fulfillmentResponse: { messages: [{ payload: { richContent } }] } })).toEqual([
      {
        kind: 'card',
        parts: [
          { type: 'image', url: 'https://example.com/a.png', alt: 'A parcel' },
          { type: 'info', title: 'A-1003', subtitle: 'Preparing', imageUrl: 'https://example.com/i.png', link: 'https://example.com' },
          { type: 'description', title: 'Details', lines: ['Line 1', 'Line 2'] },
          { type: 'button', text: 'Track', link: 'https://example.com/t', event: 'track' },
        ],
      },
      {
        kind: 'card',
        parts: [
          {
            type: 'chips',
            chips: [
              { text: 'Yes', imageUrl: 'https://example.com/y.png' },
              { text: 'Docs', link: 'https://example.com/d' },
            ],
          },
        ],
      },
      {
        kind: 'card',
        parts: [
          { type: 'list', title: 'Mouse', subtitle: 'MOUSE-200', event: 'pick' },
          { type: 'divider' },
          { type: 'accordion', title: 'Policy', text: '30 days' },
        ],
      },
      { kind: 'card', parts: [{ type: 'other', json: { type: 'match_citations', citations: [] } }] },
    ]);
  });

  it('shows speech as the words it speaks, and what is not a message as events', () => {
    const messages: Json = [
      { outputAudioText: { ssml: '<speak>Ready &amp; <break time="1s"/> waiting</speak>' } },
      { outputAudioText: { text: 'Plain speech' } },
      { liveAgentHandoff: { metadata: { queue: 'billing' } } },
      { telephonyTransferCall: { phoneNumber: '+15551234567' } },
      { playAudio: { audioUri: 'gs://bucket/chime.wav' } },
      { conversationSuccess: {} },
      { knowledgeInfoCard: {} },
      { payload: { custom: true } },
    ];
    expect(items('cx', { fulfillmentResponse: { messages }, targetPage: 'projects/p/locations/l/agents/a/flows/f/pages/END_SESSION' })).toEqual([
      { kind: 'audio', text: 'Ready & waiting', ssml: true },
      { kind: 'audio', text: 'Plain speech', ssml: false },
      { kind: 'event', event: 'handoff', label: 'Hands the conversation to a live agent', detail: '{"queue":"billing"}' },
      { kind: 'event', event: 'transfer-call', label: 'Transfers the call', detail: '+15551234567' },
      { kind: 'event', event: 'play-audio', label: 'Plays an audio clip', detail: 'gs://bucket/chime.wav' },
      { kind: 'event', event: 'success', label: 'The conversation succeeded' },
      { kind: 'event', event: 'knowledge-card', label: 'Shows the knowledge answer as an info card' },
      { kind: 'payload', json: { custom: true } },
      { kind: 'event', event: 'end-interaction', label: 'The conversation ends (END_SESSION)' },
    ]);
  });

  it('shows a transition to another page or flow', () => {
    expect(items('cx', { targetPage: 'projects/p/locations/l/agents/a/flows/f/pages/confirm' })).toEqual([
      { kind: 'event', event: 'transition', label: 'Moves to page confirm', detail: 'projects/p/locations/l/agents/a/flows/f/pages/confirm' },
    ]);
    expect(items('cx', { targetFlow: 'projects/p/locations/l/agents/a/flows/returns' })).toMatchObject([{ label: 'Moves to flow returns' }]);
  });
});

describe('chatItems (ES)', () => {
  it('shows fulfillmentText when there are no messages, and the messages when there are', () => {
    expect(items('es', { fulfillmentText: 'Only text' })).toEqual([{ kind: 'text', text: 'Only text' }]);
    expect(items('es', { fulfillmentText: 'Only text', fulfillmentMessages: [{ text: { text: ['From messages'] } }] })).toEqual([
      { kind: 'text', text: 'From messages' },
    ]);
  });

  it('draws the platform messages, each marked with its platform', () => {
    const fulfillmentMessages: Json = [
      { quickReplies: { title: 'Pick one', quickReplies: ['Yes', 'No'] }, platform: 'FACEBOOK' },
      {
        card: {
          title: 'A-1003',
          subtitle: 'Preparing',
          imageUri: 'https://example.com/a.png',
          buttons: [
            { text: 'Track', postback: 'https://example.com/t' },
            { text: 'More', postback: 'MORE' },
          ],
        },
      },
      { image: { imageUri: 'https://example.com/b.png', accessibilityText: 'A box' } },
      { payload: { richContent: [[{ type: 'chips', options: [{ text: 'Go' }] }]] } },
      { payload: { facebook: { text: 'hi' } }, platform: 'FACEBOOK' },
    ];
    expect(items('es', { fulfillmentMessages })).toEqual([
      {
        kind: 'card',
        channel: 'FACEBOOK',
        parts: [
          { type: 'description', title: 'Pick one', lines: [] },
          { type: 'chips', chips: [{ text: 'Yes' }, { text: 'No' }] },
        ],
      },
      {
        kind: 'card',
        parts: [
          { type: 'image', url: 'https://example.com/a.png', alt: 'A-1003' },
          { type: 'info', title: 'A-1003', subtitle: 'Preparing' },
          { type: 'button', text: 'Track', link: 'https://example.com/t' },
          { type: 'button', text: 'More', event: 'MORE' },
        ],
      },
      { kind: 'card', parts: [{ type: 'image', url: 'https://example.com/b.png', alt: 'A box' }] },
      { kind: 'card', parts: [{ type: 'chips', chips: [{ text: 'Go' }] }] },
      { kind: 'payload', channel: 'FACEBOOK', json: { facebook: { text: 'hi' } } },
    ]);
  });

  it("draws Actions on Google's kinds, and a follow-up event as an event", () => {
    const platform = 'ACTIONS_ON_GOOGLE';
    const fulfillmentMessages: Json = [
      {
        simpleResponses: { simpleResponses: [{ textToSpeech: 'Spoken', displayText: 'Shown' }, { ssml: '<speak>Only <emphasis>said</emphasis></speak>' }] },
        platform,
      },
      {
        basicCard: {
          title: 'Card',
          formattedText: 'Body',
          image: { imageUri: 'https://example.com/c.png', accessibilityText: 'C' },
          buttons: [{ title: 'Open', openUriAction: { uri: 'https://example.com' } }],
        },
        platform,
      },
      { suggestions: { suggestions: [{ title: 'Next' }] }, platform },
      { linkOutSuggestion: { destinationName: 'Site', uri: 'https://example.com' }, platform },
      { listSelect: { title: 'Items', items: [{ info: { key: 'a' }, title: 'A', description: 'First' }] }, platform },
      { carouselSelect: { items: [{ info: { key: 'b' }, title: 'B' }] }, platform },
    ];
    expect(items('es', { fulfillmentMessages, followupEventInput: { name: 'next', languageCode: 'en' } })).toEqual([
      { kind: 'text', text: 'Shown', channel: platform },
      { kind: 'audio', text: 'Only said', ssml: true, channel: platform },
      {
        kind: 'card',
        channel: platform,
        parts: [
          { type: 'image', url: 'https://example.com/c.png', alt: 'C' },
          { type: 'info', title: 'Card' },
          { type: 'description', lines: ['Body'] },
          { type: 'button', text: 'Open', link: 'https://example.com' },
        ],
      },
      { kind: 'card', channel: platform, parts: [{ type: 'chips', chips: [{ text: 'Next' }] }] },
      { kind: 'card', channel: platform, parts: [{ type: 'button', text: 'Site', link: 'https://example.com' }] },
      {
        kind: 'card',
        channel: platform,
        parts: [
          { type: 'description', title: 'Items', lines: [] },
          { type: 'list', title: 'A', subtitle: 'First', event: 'a' },
        ],
      },
      { kind: 'card', channel: platform, parts: [{ type: 'info', title: 'B' }] },
      { kind: 'event', event: 'followup-event', label: 'Triggers the event next (Dialogflow then ignores the messages)' },
    ]);
  });

  it('shows the end of the interaction and a live-agent handoff of ES v2beta1 as events', () => {
    expect(chatItems('es', { fulfillmentText: 'Bye', endInteraction: true, liveAgentHandoff: true })).toEqual([
      { kind: 'text', text: 'Bye' },
      { kind: 'event', event: 'handoff', label: 'Hands the conversation to a live agent' },
      { kind: 'event', event: 'end-interaction', label: 'The conversation ends' },
    ]);
  });
});
