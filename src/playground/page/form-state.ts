import type { JsonMap } from '../view.js';

/** A parameter as the designer types it: a name, and its value as JSON text. */
export interface ParamRow {
  name: string;
  value: string;
}

/** What the form holds for the next turn. */
export interface FormState {
  tag: string;
  flow: string;
  page: string;
  intent: string;
  action: string;
  inputKind: 'text' | 'event' | 'dtmf';
  text: string;
  event: string;
  dtmf: string;
  params: ParamRow[];
}

export function emptyForm(): FormState {
  return { tag: '', flow: '', page: '', intent: '', action: '', inputKind: 'text', text: '', event: '', dtmf: '', params: [{ name: '', value: '' }] };
}

/**
 * The parameters as JSON values, or what is wrong with each row that is not one. Values are
 * JSON, so that numbers, lists, objects and null (CX: delete the parameter) can be given.
 */
export function parseParams(rows: readonly ParamRow[]): { params: JsonMap; errors: Map<number, string> } {
  const params: JsonMap = {};
  const errors = new Map<number, string>();
  for (const [i, row] of rows.entries()) {
    const name = row.name.trim();
    const value = row.value.trim();
    if (name === '' && value === '') continue;
    if (name === '') {
      errors.set(i, 'This value has no parameter name.');
      continue;
    }
    if (value === '') {
      errors.set(i, `Give ${name} a value, as JSON: "text" in quotes, a number, true, null…`);
      continue;
    }
    try {
      params[name] = JSON.parse(value);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const quoted = JSON.stringify(value);
      errors.set(i, `The value of ${name} is not JSON (${detail}). Text goes in double quotes: ${quoted}.`);
    }
  }
  return { params, errors };
}
