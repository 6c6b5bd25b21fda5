import type { SchemaHints, SchemaValidationError } from '../generated/validators.js';
import { closestName } from './closest-name.js';
import { explainMismatch } from './expectation.js';
import { appendKey, locate, type Location } from './locate.js';

/** One problem: where (`queryResult.outputContexts[0].lifespanCount`, '' for the root) and what. */
export interface SchemaIssue {
  path: string;
  message: string;
  /**
   * `'output-only'`: a response sets a field that the protos mark output only
   * (`endInteraction`, `mixedAudio`, `allowPlaybackInterruption`). Google's parser takes it,
   * but Dialogflow ignores it, so the handler does not get what it asked for;
   * `withoutOutputOnlyFields()` removes such fields. Absent for an issue that makes the
   * document invalid.
   */
  kind?: 'output-only';
}

/**
 * Turns the errors of a failed precompiled validation into one readable issue. The validators
 * stop at the first problem and list its cause last (composite keywords such as oneOf append
 * their own error after those of their branches), so the last error is the one to explain.
 * The message comes from the field layout at the error's path, not from the schema keyword.
 */
export function describeError(
  errors: readonly SchemaValidationError[] | null | undefined,
  hints: SchemaHints,
  rootMessage: string,
  data: unknown,
): SchemaIssue {
  // Errors raised inside `not` are empty objects: they never explain anything.
  const cause = (errors ?? []).findLast((error) => typeof error.keyword === 'string');
  if (cause === undefined) return { path: '', message: 'does not match the schema' };
  const at = locate(hints, rootMessage, data, cause.instancePath);
  switch (cause.keyword) {
    case 'additionalProperties':
      return unknownField(hints, at, String(cause.params['additionalProperty']));
    case 'oneOf':
    case 'atMostOneSet': // the schema's oneof rules, as the validators compile them
      return oneofClash(hints, at);
    case 'propertyNames':
      return {
        path: appendKey(at.path, String(cause.params['propertyName'])),
        message: 'map keys must not contain unpaired UTF-16 surrogates (was text cut inside an emoji?)',
      };
    default:
      return { path: at.path, message: explainMismatch(hints, at.slot, at.value) };
  }
}

function unknownField(hints: SchemaHints, at: Location, key: string): SchemaIssue {
  const known = hints.messages[at.slot.type]?.fields.map((field) => field.json) ?? [];
  const guess = closestName(key, known);
  const hint = guess !== undefined ? `did you mean "${guess}"?` : `expected one of ${known.join(', ')}`;
  return { path: appendKey(at.path, key), message: `unknown field "${key}" (${hint})` };
}

/** Names the oneof that has two members set, and the keys that set them. */
function oneofClash(hints: SchemaHints, at: Location): SchemaIssue {
  const object = (at.value ?? {}) as Record<string, unknown>;
  const fields = hints.messages[at.slot.type]?.fields ?? [];
  for (const oneof of hints.messages[at.slot.type]?.oneofs ?? []) {
    const keys = fields.filter((f) => oneof.members.includes(f.json)).flatMap((f) => [...new Set([f.json, f.proto])]);
    const set = keys.filter((key) => object[key] !== undefined && object[key] !== null);
    if (set.length > 1) {
      return {
        path: at.path,
        message: `only one of ${oneof.members.join(', ')} may be set (oneof "${oneof.name}"), found ${set.join(' and ')}`,
      };
    }
  }
  return { path: at.path, message: 'sets more than one member of a oneof' };
}
