import { topFunctions, type CpuProfile } from '../../bench/profile/top-functions.js';

// root → handle → parse; root → (idle). Samples every 10 µs from t = 1000 µs.
const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
const PROFILE: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 4] },
    { id: 2, callFrame: frame('handle', 'file:///repo/dist/src/core/handle.js'), children: [3] },
    { id: 3, callFrame: frame('parse', 'file:///repo/dist/src/http/json-body.js') },
    { id: 4, callFrame: frame('(idle)') },
  ],
  startTime: 1000,
  samples: [2, 3, 3, 4, 3, 2],
  timeDeltas: [10, 10, 10, 10, 10, 10],
};

describe('topFunctions', () => {
  it('splits self and inclusive time, leaves idle out of the shares', () => {
    const summary = topFunctions(PROFILE, 10);
    // each sample stands for the time to the next one; the last has none
    expect(summary.idleMs).toBeCloseTo(0.01);
    expect(summary.busyMs).toBeCloseTo(0.04);
    expect(summary.self.map((f) => [f.name, f.percent])).toEqual([
      ['parse dist/src/http/json-body.js:1', 75],
      ['handle dist/src/core/handle.js:1', 25],
    ]);
    expect(summary.inclusive[0]).toMatchObject({ name: 'handle dist/src/core/handle.js:1', percent: 100 });
  });

  it('counts only the samples inside the window', () => {
    const summary = topFunctions(PROFILE, 10, 1025, 1045); // samples 3 to 4 (t = 1030, 1040)
    expect(summary.busyMs).toBeCloseTo(0.01);
    expect(summary.idleMs).toBeCloseTo(0.01);
  });
});
