import type { Contender } from '../contenders.js';
import type { LoadCell } from '../load/load-section.js';
import { median, spreadPercent } from './stats.js';
import type { LoadRow } from './results.js';

/** Medians over the rounds of each cell, with each row's ratio to the limit and to the peer. */
export function summarizeLoad(cells: readonly LoadCell[], contenders: readonly Contender[]): LoadRow[] {
  const rows = cells.map((cell): LoadRow => {
    const of = (pick: (run: LoadCell['runs'][number]) => number) => median(cell.runs.map(pick));
    return {
      contender: cell.contender,
      payload: cell.payload,
      reqPerSec: of((r) => r.reqPerSec),
      spreadPercent: spreadPercent(cell.runs.map((r) => r.reqPerSec)),
      p50Ms: of((r) => r.p50Ms),
      p975Ms: of((r) => r.p975Ms),
      p99Ms: of((r) => r.p99Ms),
      cpuUsPerRequest: of((r) => r.cpuUsPerRequest),
      serverCpuPercent: of((r) => r.serverCpuPercent),
      foreignCpuPercent: Math.max(...cell.runs.map((r) => r.foreignCpuPercent)),
      vsLimit: null,
      vsPeer: null,
      failures: cell.runs.reduce((sum, r) => sum + r.failures, 0),
    };
  });
  const withRole = (role: Contender['role']) => contenders.find((c) => c.role === role)?.id;
  const find = (id: string | undefined, payload: string) => rows.find((r) => r.contender === id && r.payload === payload);
  for (const row of rows) {
    const limit = find(withRole('limit'), row.payload);
    const peer = find(withRole('peer'), row.payload);
    row.vsLimit = limit === undefined ? null : row.reqPerSec / limit.reqPerSec;
    row.vsPeer = peer === undefined ? null : row.reqPerSec / peer.reqPerSec;
  }
  return rows;
}
