import { NextCalledTwiceError } from '../errors.js';

/** Continue with the rest of the chain. */
export type Next = () => Promise<void>;

/** A middleware or handler: does its work and may call `next()` once to run the rest. */
export type Middleware<T> = (turn: T, next: Next) => unknown;

const DONE: Promise<void> = Promise.resolve();
const nothing = (): void => undefined;

/**
 * Koa-style composition: each function gets the turn and a `next` that runs the rest of the
 * chain. Calling `next()` twice in one function rejects with ERR_NEXT_CALLED_TWICE, because
 * running a handler twice would send duplicate messages. Written without async functions: it
 * runs on every call, and a handler that answers synchronously then costs no extra promise.
 */
export function compose<T>(chain: readonly Middleware<T>[]): (turn: T, last?: Next) => Promise<void> {
  return (turn, last) => {
    let index = -1;
    const dispatch = (i: number): Promise<void> => {
      if (i <= index) return Promise.reject(new NextCalledTwiceError());
      index = i;
      try {
        if (i < chain.length) return settled(chain[i]!(turn, () => dispatch(i + 1)));
        return i === chain.length && last !== undefined ? settled(last()) : DONE;
      } catch (error) {
        return Promise.reject(error);
      }
    };
    return dispatch(0);
  };
}

/** A function's result as a promise of its completion: a thenable is waited for, anything else is done. */
function settled(value: unknown): Promise<void> {
  if (value === undefined || (typeof value !== 'object' && typeof value !== 'function') || value === null) return DONE;
  if (typeof (value as { then?: unknown }).then !== 'function') return DONE;
  return Promise.resolve(value).then(nothing);
}
