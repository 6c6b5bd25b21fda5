import type { BenchResults } from './results.js';

/** A table as text cells: what the terminal and the Markdown renderers share. */
export interface Table {
  title: string;
  header: string[];
  rows: string[][];
  /** Columns aligned right (numbers). */
  right: number[];
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => n.toFixed(2);
const ratio = (n: number | null) => (n === null ? '—' : `${n.toFixed(2)}×`);

/** Throughput, latency, CPU, memory and cold start per contender and payload. */
export function contenderTable(results: BenchResults): Table {
  const rows: string[][] = [];
  for (const contender of results.contenders) {
    const loadRows = results.load?.rows.filter((r) => r.contender === contender.id) ?? [];
    const rss = results.peakRssMB?.[contender.id];
    const cold = results.coldStart?.find((c) => c.contender === contender.id);
    const once = [rss === undefined ? '—' : int(rss), cold === undefined ? '—' : int(cold.medianMs)];
    if (loadRows.length === 0) rows.push([contender.label, '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', ...once]);
    loadRows.forEach((r, i) => {
      const failed = r.failures > 0 ? ` (${r.failures} failed)` : '';
      rows.push([
        i === 0 ? contender.label : '',
        r.payload.toUpperCase(),
        `${int(r.reqPerSec)} ±${Math.round(r.spreadPercent)}%${failed}`,
        ratio(r.vsLimit),
        ratio(r.vsPeer),
        ms(r.p50Ms),
        ms(r.p975Ms),
        ms(r.p99Ms),
        int(r.cpuUsPerRequest),
        `${int(r.serverCpuPercent)}%`,
        `${int(r.foreignCpuPercent)}%`,
        ...(i === 0 ? once : ['', '']),
      ]);
    });
  }
  return {
    title: 'Load (median of rounds) and cold start',
    header: [
      'contender',
      'payload',
      'req/s',
      '× node:http',
      '× peer',
      'p50 ms',
      'p97.5 ms',
      'p99 ms',
      'server CPU µs/req',
      'server CPU',
      "others' CPU",
      'peak RSS MB',
      'cold start ms',
    ],
    rows,
    right: [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  };
}

/** Per-stage costs from tinybench. */
export function microTable(results: BenchResults): Table {
  return {
    title: 'Per-request stages, in process (tinybench)',
    header: ['stage', 'µs/op (mean)', 'µs (p50)', 'µs (p99)', '± %'],
    rows: (results.micro ?? []).map((m) => [m.name, m.usPerOp.toFixed(2), m.p50Us.toFixed(2), m.p99Us.toFixed(2), m.rmePercent.toFixed(1)]),
    right: [1, 2, 3, 4],
  };
}

/** The targets, met or missed. */
export function targetTable(results: BenchResults): Table {
  return {
    title: 'Targets',
    header: ['target', 'measured', 'met'],
    rows: results.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']),
    right: [1],
  };
}

/** Reading and linting the big generated agent, against the floor of the same run. */
export function agentTable(results: BenchResults): Table {
  const a = results.agent;
  const rows =
    a == null
      ? []
      : [
          ['unzip + JSON.parse (floor)', ms(a.floorMs), '1.00×', '—'],
          ['readAgent() + lintAgent()', ms(a.libraryMs), ratio(a.ratio), int(a.peakRssMB)],
        ];
  const what =
    a == null
      ? ''
      : ` (${int(a.size.pages)} pages, ${int(a.size.routes)} routes, ${int(a.size.intents)} intents, ${int(a.size.files)} files, median of ${a.rounds})`;
  return { title: `Agent export: read and lint${what}`, header: ['work', 'ms', '× floor', 'peak RSS MB'], rows, right: [1, 2, 3] };
}

/** `fulfiller play` against `app.handle()`, medians. */
export function playgroundTable(results: BenchResults): Table {
  const p = results.playground;
  return {
    title: 'A turn through fulfiller play (medians, loopback HTTP, one turn at a time)',
    header: ['turns', 'app.handle() ms', 'app.handle() in the playground ms', 'turn through the playground ms', 'added ms'],
    rows: p === undefined || p === null ? [] : [[int(p.turns), ms(p.handleMs), ms(p.handleInPlaygroundMs), ms(p.turnMs), ms(p.addedMs)]],
    right: [0, 1, 2, 3, 4],
  };
}
