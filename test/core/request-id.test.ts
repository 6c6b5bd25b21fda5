import { requestIdFrom } from '../../src/core/request-id.js';

describe('requestIdFrom', () => {
  it('keeps an x-request-id that is a plain token', () => {
    expect(requestIdFrom('req-7')).toBe('req-7');
    expect(requestIdFrom('a.b:c@d_e')).toBe('a.b:c@d_e');
  });

  it('makes a new id for a missing, empty, overlong or unsafe header', () => {
    for (const header of [undefined, '', 'x'.repeat(129), 'two words', 'line\nbreak', '"quoted"']) {
      expect(requestIdFrom(header)).toMatch(/^[0-9a-z]{8}-[0-9a-z]+$/);
    }
  });

  it('new ids share the process prefix and never repeat', () => {
    const ids = Array.from({ length: 1000 }, () => requestIdFrom(undefined));
    expect(new Set(ids).size).toBe(1000);
    expect(new Set(ids.map((id) => id.split('-')[0])).size).toBe(1);
  });
});
