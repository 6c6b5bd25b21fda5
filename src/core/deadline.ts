import type { Clock, Timer } from '../base/clock.js';

/**
 * Races a turn's work against its time budget on `clock`. A late failure of the work is handed
 * to `onLateError` instead of becoming an unhandled rejection: the answer has already gone.
 */
export function withDeadline(work: Promise<void>, ms: number, clock: Clock, onLateError: (error: unknown) => void): Promise<'done' | 'timeout'> {
  return new Promise((resolve, reject) => {
    const waiting = queueFor(clock, ms).add(() => resolve('timeout'));
    work.then(
      () => {
        if (waiting.settle()) resolve('done');
      },
      (error: unknown) => {
        if (waiting.settle()) reject(error);
        else onLateError(error);
      },
    );
  });
}

/** A turn waiting for its work or its deadline, whichever comes first. */
class Waiting {
  prev: Waiting | undefined;
  next: Waiting | undefined;
  private open = true;

  constructor(
    readonly due: number,
    private readonly queue: DeadlineQueue,
    private readonly expire: () => void,
  ) {}

  /** The work finished: true if it beat the deadline (and the turn stops waiting). */
  settle(): boolean {
    if (!this.open) return false;
    this.open = false;
    this.queue.remove(this);
    return true;
  }

  /** The deadline passed first. */
  timeOut(): void {
    this.open = false;
    this.expire();
  }
}

// One set of queues per clock; the last one used is kept at hand (a server has one clock).
const queuesByClock = new WeakMap<Clock, Map<number, DeadlineQueue>>();
let lastClock: Clock | undefined;
let lastQueues: Map<number, DeadlineQueue> | undefined;

function queueFor(clock: Clock, ms: number): DeadlineQueue {
  if (clock !== lastClock) {
    lastClock = clock;
    lastQueues = queuesByClock.get(clock);
    if (lastQueues === undefined) {
      lastQueues = new Map();
      queuesByClock.set(clock, lastQueues);
    }
  }
  let queue = lastQueues!.get(ms);
  if (queue === undefined) {
    queue = new DeadlineQueue(ms, clock);
    lastQueues!.set(ms, queue);
  }
  return queue;
}

/**
 * The turns of one time budget, in the order they started, which is the order their deadlines
 * fall: one timer, set for the oldest, serves them all. A timer per turn cost more than the
 * rest of the deadline handling on a loaded server (measured: docs/performance.md, second
 * round); this costs a list insertion and removal. When no turn waits, the timer is left to run
 * out without keeping the process alive (cancelling and setting it again for every call would
 * cost what one per turn did), so an idle process is still free to exit.
 */
class DeadlineQueue {
  private head: Waiting | undefined;
  private tail: Waiting | undefined;
  private timer: Timer | undefined;

  constructor(
    private readonly ms: number,
    private readonly clock: Clock,
  ) {}

  add(expire: () => void): Waiting {
    const waiting = new Waiting(this.clock.now() + this.ms, this, expire);
    if (this.tail === undefined) {
      this.head = waiting;
      if (this.timer === undefined) this.timer = this.clock.setTimer(this.fire, this.ms);
      else this.timer.keepAlive(true);
    } else {
      this.tail.next = waiting;
      waiting.prev = this.tail;
    }
    this.tail = waiting;
    return waiting;
  }

  remove(waiting: Waiting): void {
    if (waiting.prev === undefined) this.head = waiting.next;
    else waiting.prev.next = waiting.next;
    if (waiting.next === undefined) this.tail = waiting.prev;
    else waiting.next.prev = waiting.prev;
    waiting.prev = waiting.next = undefined;
    if (this.head === undefined) this.timer?.keepAlive(false);
  }

  /** Times out every turn whose deadline has passed, then waits for the next one. */
  private readonly fire = (): void => {
    this.timer = undefined;
    const now = this.clock.now();
    while (this.head !== undefined && this.head.due <= now) {
      const late = this.head;
      this.remove(late);
      late.timeOut();
    }
    // Node's timers count from the loop's cached time, so this can run a little early: wait for
    // the rest, never longer than one budget (a wall clock set back must not hold turns).
    if (this.head !== undefined) this.timer = this.clock.setTimer(this.fire, Math.min(this.ms, Math.max(1, Math.ceil(this.head.due - now))));
  };
}
