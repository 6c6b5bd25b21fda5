import { diffJson } from '../../src/testing/json-diff.js';

describe('diffJson', () => {
  it('finds nothing in equal values, whatever the key order', () => {
    expect(diffJson({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toEqual([]);
  });

  it('names each changed, missing and extra field by its path', () => {
    expect(diffJson({ a: { b: 1, c: 2 }, list: [1, 2] }, { a: { b: 3, d: 4 }, list: [1], 'odd key': true })).toEqual([
      { path: 'a.b', expected: 1, actual: 3 },
      { path: 'a.c', expected: 2, actual: undefined },
      { path: 'a.d', expected: undefined, actual: 4 },
      { path: 'list[1]', expected: 2, actual: undefined },
      { path: '["odd key"]', expected: undefined, actual: true },
    ]);
  });

  it('reports a change of type as a whole', () => {
    expect(diffJson({ a: [1] }, { a: { 0: 1 } })).toEqual([{ path: 'a', expected: [1], actual: { 0: 1 } }]);
    expect(diffJson(1, '1')).toEqual([{ path: '', expected: 1, actual: '1' }]);
  });
});
