import { NextCalledTwiceError } from '../errors.js';

/** Continue with the rest of the chain. */
export type Next = () => Promise<void>;

/** A middleware or handler: does its work and may call `next()` once to run the rest. */
export type Middleware<T> = (turn: T, next: Next) => unknown;

/**
 * Koa-style composition: each function gets the turn and a `next` that runs the rest of the
 * chain. Calling `next()` twice in one function rejects with ERR_NEXT_CALLED_TWICE, because
 * running a handler twice would send duplicate messages.
 */
export function compose<T>(chain: readonly Middleware<T>[]): (turn: T, last?: Next) => Promise<void> {
  return (turn, last) => {
    let index = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= index) throw new NextCalledTwiceError();
      index = i;
      const fn = chain[i];
      if (fn === undefined) {
        if (i === chain.length && last !== undefined) await last();
        return;
      }
      await fn(turn, () => dispatch(i + 1));
    };
    return dispatch(0);
  };
}
