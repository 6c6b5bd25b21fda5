/**
 * dialogflow-fulfillment's platform names: the ES message platforms its rich responses target,
 * and how a request's source (`originalDetectIntentRequest.source`) names one of them.
 */
import { InvalidResponseError, type EsIntentMessagePlatform } from '../../index.js';

/** The platforms, as the old library exposed them (`agent.FACEBOOK`, …). */
export const PLATFORMS = {
  UNSPECIFIED: 'PLATFORM_UNSPECIFIED',
  FACEBOOK: 'FACEBOOK',
  SLACK: 'SLACK',
  TELEGRAM: 'TELEGRAM',
  KIK: 'KIK',
  SKYPE: 'SKYPE',
  LINE: 'LINE',
  VIBER: 'VIBER',
  ACTIONS_ON_GOOGLE: 'ACTIONS_ON_GOOGLE',
} as const satisfies Record<string, EsIntentMessagePlatform>;

export type Platform = (typeof PLATFORMS)[keyof typeof PLATFORMS];

export const SUPPORTED_PLATFORMS: readonly Platform[] = Object.values(PLATFORMS);
/** Every platform but PLATFORM_UNSPECIFIED: those a message can be meant for. */
export const SUPPORTED_RICH_MESSAGE_PLATFORMS: readonly Platform[] = SUPPORTED_PLATFORMS.filter((p) => p !== PLATFORMS.UNSPECIFIED);

/** Integration names as requests carry them, and as payloads are keyed (`{ facebook: {…} }`). */
const SOURCE_NAMES: Readonly<Record<string, Platform>> = {
  facebook: 'FACEBOOK',
  slack: 'SLACK',
  slack_testbot: 'SLACK',
  telegram: 'TELEGRAM',
  kik: 'KIK',
  skype: 'SKYPE',
  line: 'LINE',
  viber: 'VIBER',
  google: 'ACTIONS_ON_GOOGLE',
};
const PAYLOAD_KEYS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SOURCE_NAMES)
    .filter(([name]) => name !== 'slack_testbot')
    .map(([name, platform]) => [platform, name]),
);

/** `agent.requestSource`: the platform of a known integration, else the source as sent, or null. */
export function requestSourceOf(original: unknown): string | null {
  if (typeof original !== 'object' || original === null) return null;
  const { source, payload } = original as { source?: unknown; payload?: { source?: unknown } };
  const name = (typeof source === 'string' && source) || (typeof payload?.source === 'string' && payload.source) || null;
  return name === null ? null : (SOURCE_NAMES[name] ?? name);
}

/** Whether messages on a request from `source` carry the source's platform. */
export function isRichPlatform(source: string | null | undefined): source is Exclude<Platform, 'PLATFORM_UNSPECIFIED'> {
  return SUPPORTED_RICH_MESSAGE_PLATFORMS.includes(source as Platform);
}

/** The key a platform's payload is sent under: `facebook`, `google`, … */
export function payloadKey(platform: Platform): string {
  return PAYLOAD_KEYS[platform] ?? platform;
}

/** A platform argument checked, as the old library did; PLATFORM_UNSPECIFIED reads as none. */
export function checkPlatform(platform: unknown, what: string): Platform | undefined {
  if (platform === undefined || platform === PLATFORMS.UNSPECIFIED) return undefined;
  if (!isRichPlatform(platform as string)) {
    throw new InvalidResponseError(`${what}: the platform must be one of ${SUPPORTED_PLATFORMS.join(', ')}`, 'fulfillmentMessages');
  }
  return platform as Platform;
}
