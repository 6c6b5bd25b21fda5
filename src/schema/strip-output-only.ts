import type { FieldHint } from '../generated/schema-hints.js';
import type { SchemaHints } from '../generated/validators.js';
import { appendKey } from './locate.js';

/** An output-only field found in a document: where (as written, proto names included) and which field. */
export interface OutputOnlyField {
  path: string;
  /** The field's JSON name (`endInteraction`), whichever spelling the document used. */
  field: string;
}

export interface Stripped {
  /** The document without its output-only fields: `data` itself when it had none. */
  value: unknown;
  removed: OutputOnlyField[];
}

/**
 * Walks a document along the message layout of `rootMessage` and removes every field the
 * protos mark output only (set to anything but null), copying only the objects and lists on
 * the way to one; the input is never changed. Struct and Value contents are not walked: no
 * proto field lives there. With `dropEmptied`, a list element that loses the member of its
 * oneof and has no other (`{ endInteraction: {} }` in a message list) is dropped, since what is
 * left would say nothing; without it, the positions of everything else stay as they were.
 */
export function stripOutputOnly(hints: SchemaHints, rootMessage: string, data: unknown, dropEmptied: boolean): Stripped {
  const removed: OutputOnlyField[] = [];
  const value = new Walker(hints, removed, dropEmptied).message(rootMessage, data, '', false);
  return { value, removed };
}

/** What `message()` returns for a list element to be dropped. */
const EMPTIED = Symbol('emptied');

class Walker {
  constructor(
    private readonly hints: SchemaHints,
    private readonly removed: OutputOnlyField[],
    private readonly dropEmptied: boolean,
  ) {}

  /** The message without its output-only fields; EMPTIED when it is `droppable` and should go. */
  message(type: string, value: unknown, path: string, droppable: boolean): unknown {
    const message = this.hints.messages[type];
    if (message === undefined || !isObject(value)) return value;
    let copy: Record<string, unknown> | undefined;
    const emptiedOneofs = new Set<string>();
    for (const field of message.fields) {
      for (const key of field.json === field.proto ? [field.json] : [field.json, field.proto]) {
        const item = Object.hasOwn(value, key) ? value[key] : undefined;
        if (item === undefined || item === null) continue;
        if (field.outputOnly === true) {
          this.removed.push({ path: appendKey(path, key), field: field.json });
          copy ??= { ...value };
          delete copy[key];
          const oneof = message.oneofs.find((o) => o.members.includes(field.json));
          if (oneof !== undefined) emptiedOneofs.add(oneof.name);
          continue;
        }
        const next = this.field(field, item, appendKey(path, key));
        if (next !== item) (copy ??= { ...value })[key] = next;
      }
    }
    if (copy === undefined) return value;
    if (droppable && [...emptiedOneofs].some((name) => !this.anySet(copy!, type, name))) return EMPTIED;
    return copy;
  }

  private field(field: FieldHint, value: unknown, path: string): unknown {
    if (this.hints.messages[field.type] === undefined) return value; // a scalar, an enum or a google.protobuf type
    if (field.cardinality === 'repeated') return Array.isArray(value) ? this.list(field.type, value, path) : value;
    if (field.cardinality === 'map') return isObject(value) ? this.map(field.type, value, path) : value;
    return this.message(field.type, value, path, false);
  }

  private list(type: string, items: readonly unknown[], path: string): unknown {
    let copy: unknown[] | undefined;
    items.forEach((item, index) => {
      const next = this.message(type, item, `${path}[${index}]`, this.dropEmptied);
      if (next !== item && copy === undefined) copy = items.slice(0, index);
      if (copy !== undefined && next !== EMPTIED) copy.push(next);
    });
    return copy ?? items;
  }

  private map(type: string, entries: Record<string, unknown>, path: string): unknown {
    let changed = false;
    const walked = Object.entries(entries).map(([key, item]): [string, unknown] => {
      const next = this.message(type, item, appendKey(path, key), false);
      changed ||= next !== item;
      return [key, next];
    });
    // fromEntries defines each key, so a map key such as "__proto__" stays a key.
    return changed ? Object.fromEntries(walked) : entries;
  }

  /** Whether a member of the oneof is still set, in either spelling. */
  private anySet(object: Record<string, unknown>, type: string, oneof: string): boolean {
    const message = this.hints.messages[type]!;
    const members = message.oneofs.find((o) => o.name === oneof)!.members;
    return message.fields.filter((f) => members.includes(f.json)).some((f) => (object[f.json] ?? object[f.proto] ?? null) !== null);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
