import { esChatItems } from './es-chat-items.js';
import { event, payloadItems, speech, textItems } from './message-items.js';
import { asMap, defined } from './json-map.js';
import type { ChatItem, DialectName, JsonMap } from './view.js';

/**
 * What the user would see and hear of a WebhookResponse, in order: texts, rich cards, speech,
 * and the things that are not messages (a handoff, a transfer, the end of the conversation) as
 * events. What the page cannot draw is kept as JSON rather than dropped.
 */
export function chatItems(dialect: DialectName, response: JsonMap): ChatItem[] {
  return dialect === 'cx' ? cxChatItems(response) : esChatItems(response);
}

function cxChatItems(response: JsonMap): ChatItem[] {
  const messages = asMap(response.fulfillmentResponse).messages;
  const items = (Array.isArray(messages) ? messages : []).flatMap((message) => cxMessage(asMap(message)));
  const page = typeof response.targetPage === 'string' ? response.targetPage : undefined;
  const flow = typeof response.targetFlow === 'string' ? response.targetFlow : undefined;
  if (page?.endsWith('/pages/END_SESSION')) items.push({ kind: 'event', event: 'end-interaction', label: 'The conversation ends (END_SESSION)' });
  else if (page?.endsWith('/pages/END_FLOW')) items.push({ kind: 'event', event: 'transition', label: 'The flow ends (END_FLOW)', detail: page });
  else if (page !== undefined) items.push({ kind: 'event', event: 'transition', label: `Moves to page ${lastId(page)}`, detail: page });
  else if (flow !== undefined) items.push({ kind: 'event', event: 'transition', label: `Moves to flow ${lastId(flow)}`, detail: flow });
  return items;
}

function cxMessage(m: JsonMap): ChatItem[] {
  const channel = typeof m.channel === 'string' && m.channel !== '' ? m.channel : undefined;
  if (m.text !== undefined) return textItems(asMap(m.text).text, channel);
  if (m.payload !== undefined) return payloadItems(asMap(m.payload), channel);
  if (m.outputAudioText !== undefined) return [speech(asMap(m.outputAudioText), channel)];
  if (m.conversationSuccess !== undefined) return [event('success', 'The conversation succeeded', asMap(m.conversationSuccess).metadata)];
  if (m.liveAgentHandoff !== undefined) return [event('handoff', 'Hands the conversation to a live agent', asMap(m.liveAgentHandoff).metadata)];
  if (m.endInteraction !== undefined) return [{ kind: 'event', event: 'end-interaction', label: 'The conversation ends' }];
  if (m.playAudio !== undefined) return [event('play-audio', 'Plays an audio clip', asMap(m.playAudio).audioUri)];
  if (m.mixedAudio !== undefined) return [event('play-audio', 'Plays mixed audio', m.mixedAudio)];
  if (m.telephonyTransferCall !== undefined) {
    const transfer = asMap(m.telephonyTransferCall);
    return [event('transfer-call', 'Transfers the call', transfer.phoneNumber ?? transfer.sipUri)];
  }
  if (m.knowledgeInfoCard !== undefined) return [{ kind: 'event', event: 'knowledge-card', label: 'Shows the knowledge answer as an info card' }];
  return [defined({ kind: 'payload', json: m, channel }) as ChatItem];
}

function lastId(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
