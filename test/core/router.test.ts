import { Router } from '../../src/core/router.js';

const h = (): void => {};

describe('Router', () => {
  it('finds exact strings, RegExps and predicates of the right kind', () => {
    const router = new Router<{ id: number }>();
    router.add('tag', 'order.status', {}, [h]);
    router.add('tag', /^crm\./, {}, [h]);
    router.add('intent', (value) => value.startsWith('Default'), {}, [h]);
    const turn = { id: 1 };
    expect(router.find('tag', 'order.status', turn)?.index).toBe(0);
    expect(router.find('tag', 'crm.interactions', turn)?.index).toBe(1);
    expect(router.find('intent', 'Default Welcome Intent', turn)?.index).toBe(2);
    expect(router.find('intent', 'order.status', turn)).toBeUndefined();
    expect(router.find('tag', undefined, turn)).toBeUndefined();
  });

  it('prefers the route registered first, across strings and patterns', () => {
    const router = new Router<null>();
    router.add('tag', /^order\./, {}, [h]);
    router.add('tag', 'order.status', {}, [h]);
    router.add('tag', 'order.status', {}, [h]);
    expect(router.find('tag', 'order.status', null)?.index).toBe(0);
    const later = new Router<null>();
    later.add('tag', 'order.status', {}, [h]);
    later.add('tag', /^order\./, {}, [h]);
    expect(later.find('tag', 'order.status', null)?.index).toBe(0);
    expect(later.find('tag', 'order.cancel', null)?.index).toBe(1);
  });

  it('gives the predicate the value and the turn', () => {
    const router = new Router<{ vip: boolean }>();
    router.add('tag', (value, turn) => value === 'x' && turn.vip, {}, [h]);
    expect(router.find('tag', 'x', { vip: true })).toBeDefined();
    expect(router.find('tag', 'x', { vip: false })).toBeUndefined();
  });

  it('matches a global RegExp every time (lastIndex is reset)', () => {
    const router = new Router<null>();
    router.add('tag', /order/g, {}, [h]);
    expect(router.find('tag', 'order', null)).toBeDefined();
    expect(router.find('tag', 'order', null)).toBeDefined();
  });

  it('refuses a route without handlers or with a non-function handler', () => {
    const router = new Router<null>();
    expect(() => router.add('tag', 'x', {}, [])).toThrow(/at least one handler/);
    expect(() => router.add('tag', 'x', {}, ['nope' as never])).toThrow(/must be a function/);
    expect(() => router.add('tag', 42 as never, {}, [h])).toThrow(/string, a RegExp or a function/);
  });
});
