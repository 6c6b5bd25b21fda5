import type { SchemaHints } from '../../src/generated/validators.js';
import { stripOutputOnly } from '../../src/schema/strip-output-only.js';

// No webhook response has a map of messages today; the walker must still reach into one if a
// later proto adds it. A made-up layout stands in (a deep import: the walker is not public).
const hints: SchemaHints = {
  roots: { request: 'Req', response: 'Res' },
  messages: {
    Res: { fields: [{ json: 'items', proto: 'items', type: 'Item', cardinality: 'map' }], oneofs: [] },
    Item: {
      fields: [
        { json: 'label', proto: 'label', type: 'string' },
        { json: 'generatedAt', proto: 'generated_at', type: 'string', outputOnly: true },
      ],
      oneofs: [],
    },
  },
  enums: {},
};

describe('stripOutputOnly', () => {
  it('reaches into maps of messages, keeping every key a key', () => {
    const data = JSON.parse('{"items":{"__proto__":{"label":"a","generated_at":"now"},"b":{"label":"b"}}}') as Record<string, unknown>;
    const { value, removed } = stripOutputOnly(hints, 'Res', data, true);
    expect(removed).toEqual([{ path: 'items.__proto__.generated_at', field: 'generatedAt' }]);
    const items = (value as { items: Record<string, unknown> }).items;
    expect(Object.keys(items)).toEqual(['__proto__', 'b']);
    expect(Object.getOwnPropertyDescriptor(items, '__proto__')?.value).toEqual({ label: 'a' });
    expect(items['b']).toBe((data['items'] as Record<string, unknown>)['b']);
  });
});
