import { InvalidResponseError } from '../errors.js';

/**
 * How deep a value handed to a response may be nested. Protobuf's parsers stop at 100 levels
 * by default, and a value deeper than that would also exhaust the stack of whatever walks it.
 */
export const MAX_DEPTH = 100;

/** Where a value stops being JSON, and why. */
export interface Unrepresentable {
  path: string;
  problem: string;
}

/**
 * The first place where `value` is not what JSON can carry as it is: NaN and the infinities
 * (sent as null, which deletes a CX parameter), `undefined` inside it (a dropped key, a null in
 * a list), a BigInt, a function, a cycle, nesting past MAX_DEPTH, a Map or Set (sent as `{}`),
 * a promise nobody awaited. Undefined when it is all plain data. Never throws: a getter or
 * proxy trap that throws is reported as a problem of its own. `path` names the value itself.
 */
export function findUnrepresentable(value: unknown, path: string): Unrepresentable | undefined {
  try {
    return walk(value, path, 0, [], path);
  } catch {
    return { path, problem: 'could not be read: a getter or proxy trap in it threw' };
  }
}

/** Throws ERR_INVALID_RESPONSE naming the place in `value` that JSON cannot carry. */
export function checkRepresentable(value: unknown, path: string): void {
  const found = findUnrepresentable(value, path);
  if (found !== undefined) throw new InvalidResponseError(found.problem, found.path);
}

function walk(value: unknown, path: string, depth: number, ancestors: object[], root: string): Unrepresentable | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      if (Number.isFinite(value)) return undefined;
      return {
        path,
        problem: `is ${String(value)}, which JSON cannot carry: it would arrive as null, which deletes a CX parameter. Send a finite number, a string, or null to delete`,
      };
    case 'undefined':
      return { path, problem: 'is undefined, which JSON cannot carry (an object drops the key, a list sends null): leave it out, or send null' };
    case 'bigint':
      return { path, problem: 'is a BigInt, which JSON cannot carry: send String(value), or Number(value) when it is small enough' };
    case 'function':
    case 'symbol':
      return { path, problem: `is a ${typeof value}, which JSON cannot carry: send plain data` };
  }
  if (value === null) return undefined;
  const object = value as Record<string, unknown>;
  if (depth >= MAX_DEPTH)
    return { path: root, problem: `is nested more than ${MAX_DEPTH} levels deep, more than Dialogflow's parser takes: send flatter data` };
  if (ancestors.includes(object)) return { path, problem: 'refers back to itself (a circular structure): send a copy without the cycle' };
  const foreign = foreignKind(object);
  if (foreign !== undefined) return { path, problem: foreign };
  if (typeof object.toJSON === 'function') return undefined; // a Date, a Buffer: JSON.stringify asks it
  ancestors.push(object);
  let found: Unrepresentable | undefined;
  if (Array.isArray(object)) {
    for (let i = 0; i < object.length && found === undefined; i++) found = walk(object[i], `${path}[${i}]`, depth + 1, ancestors, root);
  } else {
    for (const key of Object.keys(object)) {
      found = walk(object[key], path === '' ? key : `${path}.${key}`, depth + 1, ancestors, root);
      if (found !== undefined) break;
    }
  }
  ancestors.pop();
  return found;
}

/** Objects JSON.stringify turns into something else without a word. */
function foreignKind(object: Record<string, unknown>): string | undefined {
  if (typeof object.then === 'function') return 'is a Promise (or another thenable): did you forget to await it?';
  switch (Object.prototype.toString.call(object)) {
    case '[object Map]':
      return 'is a Map, which JSON sends as {}: send Object.fromEntries(map)';
    case '[object Set]':
      return 'is a Set, which JSON sends as {}: send [...set]';
    case '[object WeakMap]':
    case '[object WeakSet]':
      return 'is a WeakMap or WeakSet, which JSON sends as {}: send plain data';
    default:
      return undefined;
  }
}
