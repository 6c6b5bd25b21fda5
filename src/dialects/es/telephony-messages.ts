/**
 * Builders for the ES telephony messages, which exist only in API version v2beta1 (Dialogflow's
 * phone gateway and telephony integrations). They are typed with the v2beta1 wire types, so an
 * app that speaks v2 cannot send one by mistake: v2 refuses them. They target the `TELEPHONY`
 * platform unless told otherwise, as the console files telephony answers.
 * Import as `import { es } from 'dialogflow-fulfiller'`.
 */
import { checkFields, checkString } from '../../base/check-argument.js';
import { InvalidResponseError } from '../../errors.js';
import type { EsV2beta1IntentMessage, EsV2beta1IntentMessagePlatform } from '../../generated/beta-types.js';

/** Which integration a telephony message is for (default `TELEPHONY`). */
export interface TelephonyPlatformOption {
  platform?: EsV2beta1IntentMessagePlatform;
}

const E164 = /^\+[1-9]\d{1,14}$/;

function telephony(message: EsV2beta1IntentMessage, options: TelephonyPlatformOption | undefined): EsV2beta1IntentMessage {
  const platform = options?.platform ?? 'TELEPHONY';
  if (platform !== 'PLATFORM_UNSPECIFIED') message.platform = platform;
  return message;
}

/** Plays an audio file on the call: a Cloud Storage URI (`gs://bucket/hello.wav`, mono linear PCM at 8 kHz). */
export function telephonyPlayAudio(audioUri: string, options?: TelephonyPlatformOption): EsV2beta1IntentMessage {
  checkString(audioUri, 'es.telephonyPlayAudio() takes the audio URI');
  return telephony({ telephonyPlayAudio: { audioUri } }, options);
}

/** Speaks plain text or SSML (`<speak>…</speak>`) on the call. */
export function telephonySynthesizeSpeech(speech: { text: string } | { ssml: string }, options?: TelephonyPlatformOption): EsV2beta1IntentMessage {
  checkFields(speech, 'es.telephonySynthesizeSpeech() takes { text } or { ssml }', 'es.telephonySynthesizeSpeech()', [], ['text', 'ssml']);
  return telephony({ telephonySynthesizeSpeech: 'ssml' in speech ? { ssml: speech.ssml } : { text: speech.text } }, options);
}

/** Transfers the call to a phone number in E.164 form (`+15551234567`). */
export function telephonyTransferCall(phoneNumber: string, options?: TelephonyPlatformOption): EsV2beta1IntentMessage {
  checkString(phoneNumber, 'es.telephonyTransferCall() takes the phone number (E.164, like "+15551234567")');
  if (!E164.test(phoneNumber)) {
    // The number is not quoted: it is a user's personal data, and error messages reach the log.
    throw new InvalidResponseError(
      'is not an E.164 phone number: a + then the country code and number, at most 15 digits, no spaces or punctuation (like +15551234567)',
      'telephonyTransferCall.phoneNumber',
    );
  }
  return telephony({ telephonyTransferCall: { phoneNumber } }, options);
}
