import { resolveOptions } from '../../src/app/resolve-options.js';

describe('resolveOptions', () => {
  it('derives the mode from NODE_ENV', () => {
    expect(resolveOptions({ env: { NODE_ENV: 'production' } }).mode).toBe('production');
    expect(resolveOptions({ env: { NODE_ENV: 'test' } }).mode).toBe('test');
    expect(resolveOptions({ env: {} }).mode).toBe('development');
    expect(resolveOptions({ env: { NODE_ENV: 'production' }, mode: 'test' }).mode).toBe('test');
  });

  it('reads the deadline from FULFILLER_DEADLINE_MS, options first', () => {
    expect(resolveOptions({ env: {} }).deadlineMs).toBe(4000);
    expect(resolveOptions({ env: { FULFILLER_DEADLINE_MS: '2500' } }).deadlineMs).toBe(2500);
    expect(resolveOptions({ env: { FULFILLER_DEADLINE_MS: '2500' }, deadlineMs: 900 }).deadlineMs).toBe(900);
  });

  it('refuses wrong values with ERR_INVALID_OPTION', () => {
    expect(() => resolveOptions({ env: { FULFILLER_DEADLINE_MS: 'soon' } })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTION' }));
    expect(() => resolveOptions({ env: {}, deadlineMs: 31_000 })).toThrow(/1 to 30000/);
    expect(() => resolveOptions({ env: {}, bodyLimit: -1 })).toThrow(/bodyLimit/);
  });

  it('has the documented defaults', () => {
    const options = resolveOptions({ env: {} });
    expect(options.bodyLimit).toBe(1048576);
    expect(options.responseLimit).toBe(65536);
    expect(options.es).toEqual({ sessionContext: 'fulfiller_session', sessionLifespan: 50 });
  });
});
