import type { ColdStart } from '../cold/cold-section.js';
import type { AgentBench } from '../agent/agent-section.js';
import type { PlaygroundResult } from '../playground/playground-section.js';
import type { LoadRow, TargetCheck } from './results.js';

const FULFILLER = 'fulfiller';
const ADAPTER = 'fulfiller-express';
const PEER = 'dialogflow-fulfillment';
const ADAPTER_AFTER_JSON = 'fulfiller-express-json';
const COMPAT_EXPRESS = 'compat-express';
const COMPAT_SERVE = 'compat-serve';
const FULFILLER_FAMILY = [
  'fulfiller',
  'fulfiller-small-heap',
  'fulfiller-warn',
  'fulfiller-api-key',
  'fulfiller-endpoint',
  'fulfiller-express',
  ADAPTER_AFTER_JSON,
  COMPAT_EXPRESS,
  COMPAT_SERVE,
];

/**
 * The issues' targets, checked on what this run measured (a target whose contenders did not
 * run is left out): `fulfiller serve` with its default logging, the Express adapter, and the
 * compat module against dialogflow-fulfillment.
 */
export function checkTargets(
  rows: readonly LoadRow[] | null,
  cold: readonly ColdStart[] | null,
  peakRssMB: Readonly<Record<string, number>> | null,
  playground: PlaygroundResult | null = null,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const row = (contender: string, payload: string) => rows?.find((r) => r.contender === contender && r.payload === payload);
  for (const payload of ['cx', 'es']) {
    const served = row(FULFILLER, payload);
    const limit = row('node-http', payload);
    if (served !== undefined && limit !== undefined) {
      const ratio = served.reqPerSec / limit.reqPerSec;
      checks.push({ target: `fulfiller serve ≥ 0.80 × bare node:http req/s (${payload})`, measured: `${ratio.toFixed(2)} ×`, met: ratio >= 0.8 });
      const added = served.p99Ms - limit.p99Ms;
      checks.push({ target: `p99 added over bare node:http ≤ 1 ms (${payload})`, measured: `${added.toFixed(2)} ms`, met: added <= 1 });
    }
    const adapter = row(ADAPTER, payload);
    const express = row('express', payload);
    if (adapter !== undefined && express !== undefined) {
      const ratio = adapter.reqPerSec / express.reqPerSec;
      checks.push({ target: `Express adapter ≥ 0.90 × bare Express req/s (${payload})`, measured: `${ratio.toFixed(2)} ×`, met: ratio >= 0.9 });
    }
  }
  const endpoint = row('fulfiller-endpoint', 'endpoint');
  const endpointLimit = row('node-http', 'endpoint');
  if (endpoint !== undefined && endpointLimit !== undefined) {
    const ratio = endpoint.reqPerSec / endpointLimit.reqPerSec;
    checks.push({ target: 'an endpoint with a small schema ≥ 0.85 × bare node:http req/s (endpoint)', measured: `${ratio.toFixed(2)} ×`, met: ratio >= 0.85 });
  }
  // Moving from dialogflow-fulfillment (ES only): its code on the compat module, on the same Express and on our server.
  const peer = row(PEER, 'es');
  const compatExpress = row(COMPAT_EXPRESS, 'es');
  const nativeExpress = row(ADAPTER_AFTER_JSON, 'es');
  // On a shared machine the server's CPU time per request moves less than req/s: shown beside it.
  const versus = (a: LoadRow, b: LoadRow) => {
    const ratio = a.reqPerSec / b.reqPerSec;
    return { ratio, measured: `${ratio.toFixed(2)} × (CPU per request ${(a.cpuUsPerRequest / b.cpuUsPerRequest).toFixed(2)} ×)` };
  };
  if (compatExpress !== undefined && peer !== undefined) {
    const { ratio, measured } = versus(compatExpress, peer);
    checks.push({ target: 'compat module on Express ≥ 1.00 × dialogflow-fulfillment req/s (es)', measured, met: ratio >= 1 });
  }
  if (compatExpress !== undefined && nativeExpress !== undefined) {
    const { ratio, measured } = versus(compatExpress, nativeExpress);
    checks.push({ target: 'compat module on Express ≥ 0.90 × native handler on the same Express (express.json()) req/s (es)', measured, met: ratio >= 0.9 });
  }
  const compatServe = row(COMPAT_SERVE, 'es');
  if (compatServe !== undefined && peer !== undefined) {
    const { ratio, measured } = versus(compatServe, peer);
    checks.push({ target: 'compat() in fulfiller serve vs dialogflow-fulfillment on Express req/s (es): what moving gains', measured, met: ratio >= 1 });
  }
  const coldOf = (id: string) => cold?.find((c) => c.contender === id)?.medianMs;
  const coldServed = coldOf(FULFILLER);
  const coldLimit = coldOf('node-http');
  if (coldServed !== undefined && coldLimit !== undefined) {
    const ratio = coldServed / coldLimit;
    checks.push({
      target: 'cold start of fulfiller serve ≤ 1.5 × bare node:http',
      measured: `${ratio.toFixed(2)} × (${Math.round(coldServed)} vs ${Math.round(coldLimit)} ms)`,
      met: ratio <= 1.5,
    });
  }
  for (const id of FULFILLER_FAMILY) {
    const mb = peakRssMB?.[id];
    if (mb !== undefined) checks.push({ target: `RSS under load ≤ 100 MB (${id})`, measured: `${mb.toFixed(0)} MB`, met: mb <= 100 });
  }
  if (playground !== null) {
    const added = playground.addedMs;
    checks.push({
      target: 'a turn through fulfiller play adds ≤ 1 ms (median) to app.handle()',
      measured: `${added.toFixed(2)} ms (${playground.turnMs.toFixed(2)} vs ${playground.handleMs.toFixed(2)} ms)`,
      met: added <= 1,
    });
  }
  return checks;
}

/** The agent tooling's targets: reading and linting within 3× the floor of the same run, under 200 MB. */
export function agentTargets(agent: AgentBench | null): TargetCheck[] {
  if (agent === null) return [];
  return [
    {
      target: 'read + lint a 1,000-page agent ≤ 3 × unzip + JSON.parse',
      measured: `${agent.ratio.toFixed(2)} × (${Math.round(agent.libraryMs)} vs ${Math.round(agent.floorMs)} ms)`,
      met: agent.ratio <= 3,
    },
    { target: 'read + lint a 1,000-page agent < 200 MB RSS', measured: `${agent.peakRssMB.toFixed(0)} MB`, met: agent.peakRssMB < 200 },
  ];
}
