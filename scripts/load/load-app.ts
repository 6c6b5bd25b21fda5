/**
 * The app module the load and fault tests serve: handlers that call the fake backend
 * (LOAD_BACKEND_URL) the way real handlers call theirs.
 *   load.ok             the backend answers in 50 ms
 *   guarded.<fault>     through a circuit breaker (1 s call timeout): the apology, fast once it opens
 *   raw.<fault>         a plain fetch with turn.signal: only the deadline guard protects the turn
 */
import { CircuitBreaker, type Fulfiller } from '../../src/index.js';

export default function setup(app: Fulfiller): void {
  const backend = app.options.env.LOAD_BACKEND_URL ?? 'http://127.0.0.1:9';
  // One breaker per backend endpoint, as there would be one per real backend: each fault shows its own figures.
  const breakers = new Map<string, CircuitBreaker>();
  const breaker = (path: string): CircuitBreaker => {
    let found = breakers.get(path);
    if (found === undefined) {
      found = new CircuitBreaker({ name: path, timeoutMs: 1000, failureThreshold: 5, resetMs: 2000, logger: app.options.logger });
      breakers.set(path, found);
    }
    return found;
  };

  const get = async (path: string, signal: AbortSignal): Promise<{ order: string; status: string }> => {
    const res = await fetch(`${backend}${path}`, { signal });
    if (!res.ok) throw new Error(`the backend answered ${res.status}`);
    return (await res.json()) as { order: string; status: string };
  };

  app.tag('load.ok', async (turn) => {
    const order = await breaker('/ok').run((signal) => get('/ok', signal), turn.signal);
    turn.say(`Your latest order ${order.order} is ${order.status}.`);
  });
  app.tag(/^guarded\./, async (turn) => {
    const path = `/${turn.tag!.slice('guarded.'.length)}`;
    const order = await breaker(path).run((signal) => get(path, signal), turn.signal);
    turn.say(`Order ${order.order}.`);
  });
  app.tag(/^raw\./, async (turn) => {
    const order = await get(`/${turn.tag!.slice('raw.'.length)}`, turn.signal);
    turn.say(`Order ${order.order}.`);
  });
}
