/**
 * What the bare contenders answer: the same bytes the benchmark app produces for each payload,
 * so that every contender writes a response of the same size and only the work behind it differs.
 */
const TEXT = 'Hello Hanako Sato, your order A-1003 is preparing for shipment.';
const ES_TEXT = 'Hello param value, your order A-1003 is preparing for shipment.';

export const CX_ANSWER = { fulfillmentResponse: { messages: [{ text: { text: [TEXT] } }] } };
export const ES_ANSWER = { fulfillmentText: ES_TEXT, fulfillmentMessages: [{ text: { text: [ES_TEXT] } }] };

/** The fixed answer for a parsed request: ES requests carry `queryResult`, CX ones do not. */
export function fixedAnswer(request) {
  return request !== null && typeof request === 'object' && 'queryResult' in request ? ES_ANSWER : CX_ANSWER;
}
