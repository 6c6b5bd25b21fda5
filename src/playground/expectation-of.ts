import type { Reply } from '../testing/index.js';
import { asMap } from './json-map.js';
import type { Json, JsonMap } from './view.js';

/**
 * The expectation of a turn, from the answer it got: the texts the user read, the parameters
 * and contexts it set or deleted, where it moved to, the form parameters it marked; and, when
 * the answer shows more than texts (chips, cards, events), the whole answer too.
 */
export function expectationOf(reply: Reply): JsonMap {
  if (reply.status !== 200 || reply.body === undefined) return { status: reply.status };
  const expect: JsonMap = { texts: reply.texts };
  if (Object.keys(reply.params).length > 0) expect.params = reply.params as JsonMap;
  const contexts = Object.entries(reply.contexts);
  if (contexts.length > 0) {
    expect.contexts = Object.fromEntries(
      contexts.map(([id, c]): [string, Json] => [
        id,
        c.lifespanCount <= 0
          ? null
          : { lifespanCount: c.lifespanCount, ...(Object.keys(c.parameters).length > 0 ? { parameters: c.parameters as JsonMap } : {}) },
      ]),
    );
  }
  if (reply.targetPage !== undefined) expect.targetPage = reply.targetPage;
  if (reply.targetFlow !== undefined) expect.targetFlow = reply.targetFlow;
  if (Object.keys(reply.form).length > 0) expect.form = reply.form;
  if (showsMore(reply)) expect.response = reply.body as JsonMap;
  return expect;
}

/** Messages other than text (rich content, speech, a handoff…), or an ES follow-up event. */
function showsMore(reply: Reply): boolean {
  const body = reply.body as JsonMap;
  const messages = reply.dialect === 'cx' ? asMap(body.fulfillmentResponse).messages : body.fulfillmentMessages;
  const rich = (Array.isArray(messages) ? messages : []).some((m) => asMap(m).text === undefined);
  return rich || body.followupEventInput !== undefined;
}
