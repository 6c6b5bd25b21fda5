import { Params } from '../../src/turn/params.js';

describe('Params', () => {
  it('reads through its sources, first source first', () => {
    const params = new Params([{ a: 1 }, { a: 2, b: 'x' }, undefined]);
    expect(params.get('a')).toBe(1);
    expect(params.get('b')).toBe('x');
    expect(params.get('c')).toBeUndefined();
    expect(params.has('b')).toBe(true);
  });

  it('treats null, "" and [] in a source as unset, so reads fall through', () => {
    const params = new Params([{ a: null, b: '', c: [] }, { a: 'fallback' }]);
    expect(params.get('a')).toBe('fallback');
    expect(params.get('b')).toBeUndefined();
    expect(params.get('c')).toBeUndefined();
    expect(params.toObject()).toEqual({ a: 'fallback' });
  });

  it('tracks writes and deletes as a diff over the sources', () => {
    const params = new Params([{ a: 1, b: 2 }]);
    params.set('c', [1, 2]).delete('a').set('b', null);
    expect(params.get('a')).toBeUndefined();
    expect(params.get('b')).toBeUndefined();
    expect(params.toObject()).toEqual({ c: [1, 2] });
    expect([...params.changes()]).toEqual([
      ['c', [1, 2]],
      ['a', undefined],
      ['b', undefined],
    ]);
  });

  it('converts for string() and number()', () => {
    const params = new Params([{ id: 12345, code: '0042', empty: '', obj: { x: 1 }, yes: true, float: '1.5', blank: ' ' }]);
    expect(params.string('id')).toBe('12345');
    expect(params.string('code')).toBe('0042');
    expect(params.string('empty')).toBeUndefined();
    expect(params.set('written', '').string('written')).toBe('');
    expect(params.string('obj')).toBeUndefined();
    expect(params.string('yes')).toBe('true');
    expect(params.number('code')).toBe(42);
    expect(params.number('float')).toBe(1.5);
    expect(params.number('blank')).toBeUndefined();
    expect(params.number('obj')).toBeUndefined();
  });

  it('keeps a "__proto__" parameter a plain value without touching prototypes', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, never>;
    const merged = new Params([source]).toObject();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect((merged as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(merged)).toEqual(['__proto__', 'a']);
  });
});
