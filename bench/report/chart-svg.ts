import type { BenchResults } from './results.js';

interface Bar {
  value: number;
  text: string;
  color: string;
}

interface Group {
  label: string;
  bars: Bar[];
}

const COLORS = { cx: '#4285f4', es: '#34a853', endpoint: '#a142f4', cold: '#f9ab00' };
const LABEL_W = 215;
const BAR_W = 400;
const WIDTH = LABEL_W + BAR_W + 150;
const BAR_H = 15;

/**
 * The results as an SVG of horizontal bar panels (throughput, CPU per request, p99 latency,
 * cold start), written without a browser or a plotting library so that every run redraws it.
 */
export function chartSvg(results: BenchResults): string {
  const rows = results.load?.rows ?? [];
  const per = (pick: (r: (typeof rows)[number]) => Bar) =>
    results.contenders.map((c): Group => ({ label: c.label, bars: rows.filter((r) => r.contender === c.id).map(pick) })).filter((g) => g.bars.length > 0);
  const panels: [string, Group[]][] = [
    [
      'Throughput, requests per second (higher is better; × bare node:http)',
      per((r) => ({
        value: r.reqPerSec,
        text: `${Math.round(r.reqPerSec).toLocaleString('en-US')}  ${r.vsLimit === null ? '' : `${r.vsLimit.toFixed(2)}×`}`,
        color: COLORS[r.payload],
      })),
    ],
    [
      'Server CPU per request, µs (lower is better; whoever limits the rate)',
      per((r) => ({ value: r.cpuUsPerRequest, text: String(Math.round(r.cpuUsPerRequest)), color: COLORS[r.payload] })),
    ],
    ['p99 latency at 50 connections, ms (lower is better)', per((r) => ({ value: r.p99Ms, text: r.p99Ms.toFixed(2), color: COLORS[r.payload] }))],
    [
      `Cold start: spawn to first 200, ms (median of ${results.method.coldRuns})`,
      (results.coldStart ?? []).map((c) => ({
        label: results.contenders.find((x) => x.id === c.contender)?.label ?? c.contender,
        bars: [{ value: c.medianMs, text: String(Math.round(c.medianMs)), color: COLORS.cold }],
      })),
    ],
  ];
  const parts: string[] = [];
  let y = 20;
  parts.push(text(8, y, `dialogflow-fulfiller benchmark: ${results.machine.cores} cores, ${esc(results.machine.cpu)}, Node ${results.machine.node}`, 'title'));
  y += 18;
  parts.push(`<rect x="8" y="${y - 10}" width="12" height="10" fill="${COLORS.cx}"/>`, text(24, y, 'CX payload', 'small'));
  parts.push(`<rect x="110" y="${y - 10}" width="12" height="10" fill="${COLORS.es}"/>`, text(126, y, 'ES payload (Google sample)', 'small'));
  parts.push(`<rect x="300" y="${y - 10}" width="12" height="10" fill="${COLORS.endpoint}"/>`, text(316, y, 'endpoint call', 'small'));
  y += 14;
  for (const [title, groups] of panels) {
    if (groups.length === 0) continue;
    y += 22;
    parts.push(text(8, y, title, 'head'));
    y += 8;
    const max = Math.max(...groups.flatMap((g) => g.bars.map((b) => b.value)));
    for (const group of groups) {
      parts.push(text(LABEL_W - 8, y + BAR_H - 3, esc(group.label), 'label'));
      for (const bar of group.bars) {
        const w = Math.max(1, (bar.value / max) * BAR_W);
        parts.push(`<rect x="${LABEL_W}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H - 2}" fill="${bar.color}"/>`);
        parts.push(text(LABEL_W + w + 6, y + BAR_H - 4, esc(bar.text), 'value'));
        y += BAR_H;
      }
      y += 6;
    }
  }
  y += 16;
  parts.push(text(8, y, esc(`${results.method.loadGenerator}, ${results.method.connections} connections; ${results.method.pinning}`), 'small'));
  y += 14;
  parts.push(
    text(8, y, esc(`${results.finishedAt.slice(0, 10)}, commit ${results.machine.commit}${results.quick ? ', QUICK RUN (not for publishing)' : ''}`), 'small'),
  );
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    '<style>.title{font-size:14px;font-weight:bold}.head{font-size:13px;font-weight:bold}.label{font-size:12px;text-anchor:end}.value,.small{font-size:11px;fill:#333}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

function text(x: number, y: number, content: string, cls: string): string {
  return `<text x="${x}" y="${y}" class="${cls}">${content}</text>`;
}

function esc(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
