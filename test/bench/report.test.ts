import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Contender } from '../../bench/contenders.js';
import type { LoadCell, LoadSample } from '../../bench/load/load-section.js';
import { LatencyRecorder } from '../../bench/load/latency-recorder.js';
import { chartSvg } from '../../bench/report/chart-svg.js';
import { BEGIN, END, updatePerformanceDoc } from '../../bench/report/performance-doc.js';
import { markdownTable, textTable } from '../../bench/report/render-table.js';
import type { BenchResults } from '../../bench/report/results.js';
import { median, spreadPercent } from '../../bench/report/stats.js';
import { summarizeLoad } from '../../bench/report/summarize.js';
import { checkTargets } from '../../bench/report/targets.js';
import { contenderTable } from '../../bench/report/tables.js';

const run = (reqPerSec: number, p99Ms = 5): LoadSample => ({
  reqPerSec,
  p50Ms: 1,
  p975Ms: 2,
  p99Ms,
  maxMs: 9,
  failures: 0,
  responses: reqPerSec * 8,
  serverCpuPercent: 99,
  cpuUsPerRequest: 1e6 / reqPerSec,
  foreignCpuPercent: 0,
});
const contender = (id: string, role: Contender['role']): Contender => ({ id, label: id, role, args: () => [], env: {}, payloads: ['cx', 'es'], headers: {} });
const LINE_UP = [contender('node-http', 'limit'), contender('dialogflow-fulfillment', 'peer'), contender('fulfiller', 'fulfiller')];

describe('stats', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('gives the spread as half the range over the median', () => {
    expect(spreadPercent([90, 100, 110])).toBe(10);
    expect(spreadPercent([100])).toBe(0);
  });
});

describe('LatencyRecorder', () => {
  it('keeps every value past its first buffer and gives nearest-rank percentiles', () => {
    const recorder = new LatencyRecorder();
    for (let i = 100_000; i >= 1; i--) recorder.add(i / 100);
    expect(recorder.size).toBe(100_000);
    expect(recorder.percentiles(50, 99, 100)).toEqual([500, 990, 1000]);
  });
});

describe('summarizeLoad', () => {
  it('takes medians over rounds and divides by the limit and the peer of the same payload', () => {
    const cells: LoadCell[] = [
      { contender: 'node-http', payload: 'es', runs: [run(10_000), run(12_000), run(11_000)] },
      { contender: 'dialogflow-fulfillment', payload: 'es', runs: [run(2_000)] },
      { contender: 'fulfiller', payload: 'es', runs: [run(8_800), run(9_000), run(8_000)] },
      { contender: 'fulfiller', payload: 'cx', runs: [run(7_000)] },
    ];
    const rows = summarizeLoad(cells, LINE_UP);
    const es = rows.find((r) => r.contender === 'fulfiller' && r.payload === 'es')!;
    expect(es.reqPerSec).toBe(8_800);
    expect(es.vsLimit).toBeCloseTo(0.8);
    expect(es.vsPeer).toBeCloseTo(4.4);
    const cx = rows.find((r) => r.contender === 'fulfiller' && r.payload === 'cx')!;
    expect(cx.vsLimit).toBeNull(); // no bare node:http run on CX here
    expect(cx.vsPeer).toBeNull(); // the peer has no CX
  });
});

describe('checkTargets', () => {
  const rows = summarizeLoad(
    [
      { contender: 'node-http', payload: 'cx', runs: [run(10_000, 4)] },
      { contender: 'fulfiller', payload: 'cx', runs: [run(8_000, 5)] },
    ],
    LINE_UP,
  );

  it('meets a target exactly at its bound and misses it just past', () => {
    const cold = [
      { contender: 'node-http', runsMs: [40], medianMs: 40 },
      { contender: 'fulfiller', runsMs: [61], medianMs: 61 },
    ];
    const checks = checkTargets(rows, cold, { fulfiller: 100, 'fulfiller-express': 100.5 });
    const met = Object.fromEntries(checks.map((c) => [c.target, c.met]));
    expect(met).toEqual({
      'fulfiller serve ≥ 0.80 × bare node:http req/s (cx)': true,
      'p99 added over bare node:http ≤ 1 ms (cx)': true,
      'cold start of fulfiller serve ≤ 1.5 × bare node:http': false,
      'RSS under load ≤ 100 MB (fulfiller)': true,
      'RSS under load ≤ 100 MB (fulfiller-express)': false,
    });
  });

  it('leaves out the targets whose contenders did not run', () => {
    expect(checkTargets(null, null, null)).toEqual([]);
  });
});

describe('reports', () => {
  const results: BenchResults = {
    quick: false,
    startedAt: '2026-11-27T00:00:00.000Z',
    finishedAt: '2026-11-27T00:09:00.000Z',
    machine: { cpu: 'AMD EPYC', cores: 2, memoryGiB: 24, os: 'Debian', node: 'v20.20.2', packages: {}, commit: 'abc1234' },
    method: {
      loadGenerator: 'autocannon',
      connections: 50,
      durationSec: 8,
      warmupSec: 3,
      rounds: 3,
      coldRuns: 9,
      microTimeMs: 700,
      pinning: 'pinned',
      payloads: { cx: 'CX', es: 'ES' },
    },
    contenders: [{ id: 'fulfiller', label: 'fulfiller serve | & <app>', role: 'fulfiller' }],
    skipped: [],
    load: { rows: summarizeLoad([{ contender: 'fulfiller', payload: 'cx', runs: [run(8_000)] }], LINE_UP), cells: [] },
    peakRssMB: { fulfiller: 80 },
    coldStart: [{ contender: 'fulfiller', runsMs: [60], medianMs: 60 }],
    micro: null,
    targets: [],
  };

  it('draws every contender in the SVG, with markup escaped', () => {
    const svg = chartSvg(results);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('fulfiller serve | &amp; &lt;app&gt;');
    expect(svg).toContain('8,000');
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
  });

  it('escapes pipes in Markdown cells and aligns the text table', () => {
    const table = contenderTable(results);
    expect(markdownTable(table)).toContain('fulfiller serve \\| & <app>');
    const lines = textTable(table).split('\n');
    expect(new Set(lines.slice(1, 3).map((l) => l.length)).size).toBe(1); // header and rule line up
  });

  it('rewrites only the generated part of docs/performance.md', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'perf-doc-')), 'performance.md');
    writeFileSync(path, `# Hand\n${BEGIN}\nold\n${END}\nhand-written tail\n`);
    updatePerformanceDoc(path, 'new table');
    expect(readFileSync(path, 'utf8')).toBe(`# Hand\n${BEGIN}\nnew table\n${END}\nhand-written tail\n`);
    writeFileSync(path, '# markers lost\n');
    expect(() => updatePerformanceDoc(path, 'x')).toThrow(/lost its markers/);
  });
});

describe('the playground target', () => {
  it('is met when a turn through fulfiller play adds at most 1 ms to app.handle()', () => {
    const measured = { turns: 3000, handleMs: 0.02, handleInPlaygroundMs: 0.05, turnMs: 0.6, addedMs: 0.58 };
    expect(checkTargets(null, null, null, measured)).toEqual([
      { target: 'a turn through fulfiller play adds ≤ 1 ms (median) to app.handle()', measured: '0.58 ms (0.60 vs 0.02 ms)', met: true },
    ]);
    expect(checkTargets(null, null, null, { ...measured, turnMs: 1.3, addedMs: 1.28 })[0]?.met).toBe(false);
  });
});
