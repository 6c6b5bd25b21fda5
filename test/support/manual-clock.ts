/** A wall clock that moves only when told: `clock.advance(301_000)`. */
export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

export function manualClock(start: number): ManualClock {
  let now = start;
  return {
    now: () => now,
    advance: (ms) => {
      now += ms;
    },
  };
}
