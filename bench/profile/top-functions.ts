/** The parts of a V8 .cpuprofile (`node --cpu-prof`) that the analysis reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  /** µs, on the monotonic clock (process.hrtime's). */
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** A function and the busy time spent in it, alone (self) or with what it called (inclusive). */
export interface FunctionTime {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time in the window, %. */
  percent: number;
}

export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  self: FunctionTime[];
  inclusive: FunctionTime[];
}

const ROOT_PATH = /^.*?\/(node_modules|dist|bench)\//;

/**
 * Self and inclusive time per function (same name and place merged), over the samples taken
 * between `fromUs` and `toUs` (monotonic clock; default all), so that a profile of a server
 * can leave out its start-up and shutdown.
 */
export function topFunctions(profile: CpuProfile, count: number, fromUs = -Infinity, toUs = Infinity): ProfileSummary {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = new Map(
    profile.nodes.map((n) => {
      const where = n.callFrame.url === '' ? '' : ` ${n.callFrame.url.replace(ROOT_PATH, '$1/')}:${n.callFrame.lineNumber + 1}`;
      return [n.id, `${n.callFrame.functionName || '(anonymous)'}${where}`];
    }),
  );
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let time = profile.startTime;
  let idle = 0;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    time += profile.timeDeltas[i] ?? 0;
    if (time < fromUs || time > toUs) return;
    const us = profile.timeDeltas[i + 1] ?? 0; // a sample stands for the time until the next one
    const key = keyOf.get(id)!;
    if (key === '(idle)') {
      idle += us;
      return;
    }
    busy += us;
    self.set(key, (self.get(key) ?? 0) + us);
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const k = keyOf.get(node)!;
      if (!seen.has(k)) inclusive.set(k, (inclusive.get(k) ?? 0) + us);
      seen.add(k);
    }
  });
  const top = (times: Map<string, number>) =>
    [...times]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, us]) => ({ name, ms: us / 1000, percent: (100 * us) / busy }));
  inclusive.delete('(root)');
  return { busyMs: busy / 1000, idleMs: idle / 1000, self: top(self), inclusive: top(inclusive) };
}
