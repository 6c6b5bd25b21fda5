import { normalizeHeaders } from '../../src/http/headers.js';

describe('normalizeHeaders', () => {
  it('lower-cases names and joins repeated values', () => {
    const headers = normalizeHeaders({ 'Content-Type': 'application/json', 'X-Tag': ['a', 'b'], Empty: undefined });
    expect({ ...headers }).toEqual({ 'content-type': 'application/json', 'x-tag': 'a, b' });
    expect(Object.getPrototypeOf(headers)).toBeNull();
  });

  it('reads a fetch Headers object', () => {
    expect({ ...normalizeHeaders(new Headers({ 'X-Request-Id': 'r1' })) }).toEqual({ 'x-request-id': 'r1' });
  });

  it('passes headers it already normalised through untouched, and makes an empty set from nothing', () => {
    const once = normalizeHeaders({ A: '1' });
    expect(normalizeHeaders(once)).toBe(once);
    expect({ ...normalizeHeaders(undefined) }).toEqual({});
  });

  it('keeps a "__proto__" header a plain value', () => {
    const headers = normalizeHeaders(JSON.parse('{"__proto__": "x", "a": "1"}') as Record<string, string>);
    expect(headers['__proto__']).toBe('x');
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });
});
