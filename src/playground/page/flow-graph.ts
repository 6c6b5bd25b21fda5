import { Graph, layout } from '@dagrejs/dagre';
import { useMemo } from 'preact/hooks';
import type { AgentPicture, CallSiteView } from '../view.js';
import { html } from './html.js';

type Flow = AgentPicture['flows'][number];

const CHAR = 7;
const TITLE_H = 30;
const SITE_H = 24;
const PAD = 10;

interface Placed {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  sites: CallSiteView[];
}

interface PlacedEdge {
  points: { x: number; y: number }[];
  label: string;
  x: number;
  y: number;
  site: CallSiteView | undefined;
}

/**
 * One CX flow as a picture: pages as boxes, transitions as arrows, laid out by dagre (a
 * layered graph layout), each page's webhook call sites inside its box. A call site is a
 * button: choosing it (click, Enter or Space) prepares its turn.
 */
export function FlowGraph({ flow, sites, onPick }: { flow: Flow; sites: CallSiteView[]; onPick: (site: CallSiteView) => void }) {
  const placed = useMemo(() => place(flow, sites), [flow, sites]);
  const key = (site: CallSiteView) => (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    onPick(site);
  };
  return html`
    <figure class="graph">
      <svg viewBox=${`0 0 ${placed.width} ${placed.height}`} width=${placed.width} height=${placed.height} role="group" aria-label=${`Pages and transitions of the flow ${flow.name}`}>
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" /></marker></defs>
        ${placed.edges.map(
          (edge) => html`<g class=${edge.site === undefined ? 'edge' : 'edge calls'}>
            <polyline points=${edge.points.map((p) => `${p.x},${p.y}`).join(' ')} marker-end="url(#arrow)" />
            ${edge.label === '' ? null : html`<text x=${edge.x} y=${edge.y} text-anchor="middle">${edge.label}</text>`}
          </g>`,
        )}
        ${placed.nodes.map(
          (node) => html`<g class="node" transform=${`translate(${node.x - node.width / 2},${node.y - node.height / 2})`}>
            <rect width=${node.width} height=${node.height} rx="6" />
            <text class="page-name" x=${PAD} y="20">${node.name}</text>
            ${node.sites.map(
              (site, i) => html`<g class=${`site ${site.handled ? 'handled' : 'unhandled'} ${site.covered ? 'covered' : 'uncovered'}`}
                transform=${`translate(${PAD},${TITLE_H + i * SITE_H})`} role="button" tabindex="0"
                aria-label=${`${siteLabel(site)}, ${site.location}: ${site.handled ? 'handled' : 'no handler'}, ${site.covered ? 'covered by a fixture' : 'no fixture'}. Prepare this turn.`}
                onClick=${() => onPick(site)} onKeyDown=${key(site)}>
                <rect width=${node.width - 2 * PAD} height=${SITE_H - 4} rx="4" />
                <text x="6" y="14">${site.handled ? null : html`<tspan aria-hidden="true">! </tspan>`}${siteLabel(site)}</text>
              </g>`,
            )}
          </g>`,
        )}
      </svg>
      <figcaption class="muted">Flow ${flow.name}: ${flow.pages.length} pages, ${flow.transitions.length} transitions.</figcaption>
    </figure>`;
}

function place(flow: Flow, sites: CallSiteView[]): { width: number; height: number; nodes: Placed[]; edges: PlacedEdge[] } {
  const byId = new Map(sites.map((s) => [s.id, s]));
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 70, marginx: 12, marginy: 12 });
  graph.setDefaultEdgeLabel(() => ({}));
  const names = new Map(flow.pages.map((p) => [p.id, p.name]));
  const own = new Map(flow.pages.map((p) => [p.id, p.callSites.map((id) => byId.get(id)).filter((s): s is CallSiteView => s !== undefined)]));
  const ids = new Set([...flow.pages.map((p) => p.id), ...flow.transitions.flatMap((t) => [t.from, t.to])]);
  for (const id of ids) {
    const name = names.get(id) ?? id;
    const nodeSites = own.get(id) ?? [];
    const widest = Math.max(name.length, ...nodeSites.map((s) => siteLabel(s).length + 2));
    graph.setNode(id, { width: Math.max(120, widest * CHAR + 3 * PAD), height: TITLE_H + nodeSites.length * SITE_H + 6 });
  }
  flow.transitions.forEach((t, i) => {
    graph.setEdge(t.from, t.to, { label: t.label, width: Math.min(t.label.length, 40) * 6, height: 14 }, `t${i}`);
  });
  layout(graph);
  const nodes: Placed[] = [...ids].map((id) => {
    const n = graph.node(id);
    return { id, name: names.get(id) ?? id, x: n.x, y: n.y, width: n.width, height: n.height, sites: own.get(id) ?? [] };
  });
  const edges: PlacedEdge[] = flow.transitions.map((t, i) => {
    const e = graph.edge({ v: t.from, w: t.to, name: `t${i}` }) as { points: { x: number; y: number }[]; x?: number; y?: number };
    const middle = e.points[Math.floor(e.points.length / 2)] ?? { x: 0, y: 0 };
    const label = t.label.length > 40 ? `${t.label.slice(0, 39)}…` : t.label;
    return { points: e.points, label, x: e.x ?? middle.x, y: (e.y ?? middle.y) - 4, site: t.callSite === undefined ? undefined : byId.get(t.callSite) };
  });
  const g = graph.graph();
  return { width: Math.ceil(g.width ?? 400), height: Math.ceil(g.height ?? 200), nodes, edges };
}

function siteLabel(site: CallSiteView): string {
  return site.tag ?? (site.event === undefined ? (site.intent ?? site.id) : `event ${site.event}`);
}
