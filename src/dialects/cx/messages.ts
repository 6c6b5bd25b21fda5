/**
 * Builders for CX `ResponseMessage`s. Each returns a plain wire object, ready for
 * `turn.message()` on a CX turn. Import as `import { cx } from 'dialogflow-fulfiller'`.
 */
import { checkObject, checkString, checkTexts } from '../../base/check-argument.js';
import { InvalidResponseError } from '../../errors.js';
import type { CxResponseMessage, JsonObject } from '../../generated/types.js';

/** Only the responses for this channel are returned to a caller that names it. */
export interface ChannelOption {
  channel?: string;
}

const E164 = /^\+[1-9]\d{1,14}$/;
const E164_ADVICE = 'is not an E.164 phone number: a + then the country code and number, at most 15 digits, no spaces or punctuation (like +15551234567)';

function withChannel(message: CxResponseMessage, options: ChannelOption | undefined): CxResponseMessage {
  if (options?.channel !== undefined && options.channel !== '') message.channel = options.channel;
  return message;
}

/** A text message; several strings are variants, of which Dialogflow picks one. */
export function text(variants: string | readonly string[], options?: ChannelOption): CxResponseMessage {
  checkTexts(variants, 'cx.text()');
  return withChannel({ text: { text: typeof variants === 'string' ? [variants] : [...variants] } }, options);
}

/** Speech for voice channels, in SSML (`<speak>…</speak>`). */
export function ssml(ssml: string, options?: ChannelOption): CxResponseMessage {
  checkString(ssml, 'cx.ssml() takes the SSML');
  return withChannel({ outputAudioText: { ssml } }, options);
}

/** Plain text to be spoken (instead of the text messages) on voice channels. */
export function audioText(text: string, options?: ChannelOption): CxResponseMessage {
  checkString(text, 'cx.audioText() takes the text');
  return withChannel({ outputAudioText: { text } }, options);
}

/** A custom payload for the channel (e.g. Dialogflow Messenger `richContent`). */
export function payload(payload: JsonObject, options?: ChannelOption): CxResponseMessage {
  checkObject(payload, 'cx.payload() takes a JSON object');
  return withChannel({ payload }, options);
}

/** Records that the conversation reached its goal (for analytics). */
export function conversationSuccess(metadata?: JsonObject): CxResponseMessage {
  if (metadata !== undefined) checkObject(metadata, 'cx.conversationSuccess() takes its metadata as a JSON object');
  return { conversationSuccess: metadata === undefined ? {} : { metadata } };
}

/** Hands the conversation to a human agent; `metadata` reaches the live-agent system. */
export function liveAgentHandoff(metadata?: JsonObject): CxResponseMessage {
  if (metadata !== undefined) checkObject(metadata, 'cx.liveAgentHandoff() takes its metadata as a JSON object');
  return { liveAgentHandoff: metadata === undefined ? {} : { metadata } };
}

/** Plays an audio clip on telephony channels. */
export function playAudio(audioUri: string): CxResponseMessage {
  checkString(audioUri, 'cx.playAudio() takes the audio URI');
  return { playAudio: { audioUri } };
}

/** Transfers the phone call to a number in E.164 form (`+15551234567`). */
export function telephonyTransferCall(phoneNumber: string): CxResponseMessage {
  checkString(phoneNumber, 'cx.telephonyTransferCall() takes the phone number (E.164, like "+15551234567")');
  if (!E164.test(phoneNumber)) {
    // The number is the caller's to give, not ours to log: say what is wrong, never what it was.
    throw new InvalidResponseError(E164_ADVICE, 'telephonyTransferCall.phoneNumber');
  }
  return { telephonyTransferCall: { phoneNumber } };
}

/** Asks Dialogflow Messenger to render the knowledge answer as an info card. */
export function knowledgeInfoCard(): CxResponseMessage {
  return { knowledgeInfoCard: {} };
}
