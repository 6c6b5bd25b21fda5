import { compose, type Middleware } from '../../src/core/compose.js';

describe('compose', () => {
  it('runs middleware in order, around the rest of the chain', async () => {
    const seen: string[] = [];
    const mw =
      (name: string): Middleware<string[]> =>
      async (_, next) => {
        seen.push(`${name}>`);
        await next();
        seen.push(`<${name}`);
      };
    await compose([mw('a'), mw('b')])(seen, async () => void seen.push('last'));
    expect(seen).toEqual(['a>', 'b>', 'last', '<b', '<a']);
  });

  it('stops when a middleware does not call next', async () => {
    const seen: string[] = [];
    await compose<string[]>([() => void seen.push('a'), () => void seen.push('b')])(seen);
    expect(seen).toEqual(['a']);
  });

  it('rejects with ERR_NEXT_CALLED_TWICE when next() is called twice', async () => {
    const run = compose<null>([
      async (_, next) => {
        await next();
        await next();
      },
    ]);
    await expect(run(null)).rejects.toMatchObject({ code: 'ERR_NEXT_CALLED_TWICE' });
  });

  it('propagates a thrown error to the caller', async () => {
    const run = compose<null>([async (_, next) => next(), () => Promise.reject(new Error('backend down'))]);
    await expect(run(null)).rejects.toThrow('backend down');
  });

  it('turns a synchronous throw into a rejection, never a throw from the call', async () => {
    const run = compose<null>([
      () => {
        throw new Error('sync failure');
      },
    ]);
    let result: Promise<void> | undefined;
    expect(() => (result = run(null))).not.toThrow();
    await expect(result).rejects.toThrow('sync failure');
  });

  it('waits for a thenable a handler returns, and for nothing else', async () => {
    const seen: string[] = [];
    const thenable = { then: (resolve: () => void) => setImmediate(() => (seen.push('thenable'), resolve())) }; // settles on a later loop turn
    await compose<null>([(_, next) => next(), () => thenable])(null);
    expect(seen).toEqual(['thenable']);
    await expect(compose<null>([() => 42])(null)).resolves.toBeUndefined();
  });
});
