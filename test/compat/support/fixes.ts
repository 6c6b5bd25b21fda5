/**
 * The ways the compat module answers differently from dialogflow-fulfillment 0.6.1, each a fix
 * of one of its bugs, by the id under which docs/migrating-from-dialogflow-fulfillment.md lists
 * it. A comparison case that differs names the fixes that explain it; a test checks that the
 * guide lists every id.
 */
export const FIXES = {
  'unmatched-intent': 'an intent the intent map has no handler for gets the fallback message instead of hanging',
  'no-messages': 'an answer without messages (only contexts, only a followup event, or nothing) is sent instead of hanging',
  'handler-error': 'a handler that throws or rejects gets the apology instead of hanging',
  'invalid-response': 'a response the library cannot send is a coded error (the apology in production) instead of a hang',
  'context-default-lifespan': 'a context set without a lifespan gets 5, the documented default, instead of none (which expires it)',
  'context-names': 'contexts of sessions in an environment or a region keep their names',
  'unspecified-platform': 'setPlatform(PLATFORM_UNSPECIFIED) means every platform, not none',
  'unspecified-payload': 'a Payload for no platform is sent as given, not under a key "null"',
  'set-context-lifespancount': 'setContext({ name, lifespanCount }) takes the lifespan, and below 0 ends the context',
  'console-quick-replies': 'consoleMessages includes the quick replies',
  'console-payload': 'consoleMessages includes a payload for every platform instead of throwing',
  conv: 'agent.conv() throws ERR_ACTIONS_ON_GOOGLE (Actions on Google was shut down) instead of returning null',
} as const;

export type Fix = keyof typeof FIXES;
