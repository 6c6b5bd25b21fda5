/**
 * What to say about an output-only field in a response, by JSON name. A handler that sets one
 * wanted something (end the call, mix audio, allow barge-in) that Dialogflow does not take
 * from a webhook answer: the message says where it comes from and what to do instead.
 * Fields not listed get the general advice.
 */
const ADVICE: Readonly<Record<string, { source: string; instead: string }>> = {
  endInteraction: {
    source: 'Dialogflow adds it itself when the conversation reaches the END_SESSION page',
    instead: "To end the session, transition to the END_SESSION page: turn.transition({ page: 'END_SESSION' })",
  },
  mixedAudio: {
    source: 'Dialogflow composes it from the outputAudioText and playAudio messages',
    instead: 'Send those instead: turn.audio({ ssml }) and turn.playAudio(uri)',
  },
  allowPlaybackInterruption: {
    source: "Dialogflow sets it from the agent's settings",
    instead: 'Whether the user may interrupt playback is configured in the agent (its speech and barge-in settings), not by the webhook: remove the field',
  },
};

const GENERAL = { source: 'Dialogflow fills it itself', instead: 'Remove the field' };

/** The message of an output-only issue: where the field comes from, that it is ignored, and what to do instead. */
export function outputOnlyMessage(field: string): string {
  const { source, instead } = Object.hasOwn(ADVICE, field) ? ADVICE[field]! : GENERAL;
  return `${field} is output only: ${source} and ignores it in a webhook response. ${instead}.`;
}
