import { UnknownDialectError } from '../errors.js';
import type { Dialect } from '../base/dialect.js';

const CX_KEYS = ['detectIntentResponseId', 'fulfillmentInfo', 'sessionInfo', 'pageInfo', 'intentInfo'];
const ES_KEYS = ['responseId', 'queryResult', 'originalDetectIntentRequest'];

/**
 * Tells a CX request from an ES one by the fields only that dialect has. A body with marks of
 * both, or of neither, is refused rather than guessed; an ES v1 body (`result` and `sessionId`,
 * what dialogflow-fulfillment still accepted) is named as such, so that its owner knows the fix.
 */
export function detectDialect(body: Readonly<Record<string, unknown>>): Dialect {
  const cx = CX_KEYS.some((key) => body[key] !== undefined && body[key] !== null);
  const es = ES_KEYS.some((key) => body[key] !== undefined && body[key] !== null);
  if (cx === es) throw new UnknownDialectError(!cx && isObject(body.result) && body.sessionId !== undefined ? 'es-v1' : 'unknown');
  return cx ? 'cx' : 'es';
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
