import { useEffect, useState } from 'preact/hooks';
import type { AgentPicture, CallSiteView, DialectName } from '../view.js';
import { getJson } from './api.js';
import { messageOf } from './conversation.js';
import type { FormState } from './form-state.js';
import { FlowGraph } from './flow-graph.js';
import { html } from './html.js';

interface Props {
  hasAgent: boolean;
  fixturesDir: string;
  onPrepare: (change: Partial<FormState>, dialect: DialectName) => void;
}

/**
 * The agent: a picture of each CX flow (pages and transitions, with the webhook call sites
 * marked handled or not, covered by a fixture or not), or the ES intents that call the webhook.
 * Choosing a call site prepares that turn in the form.
 */
export function AgentPanel({ hasAgent, fixturesDir, onPrepare }: Props) {
  const [picture, setPicture] = useState<AgentPicture | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [flowId, setFlowId] = useState<string | undefined>(undefined);
  const load = (): void => void getJson<AgentPicture>('/api/agent').then(setPicture, (error: unknown) => setProblem(messageOf(error)));
  useEffect(() => {
    if (hasAgent) load();
  }, [hasAgent]);

  if (!hasAgent) {
    return html`<section class="agent"><h2>Agent</h2><p>Start the playground with <code>--agent PATH</code> (the agent's export) to see its flows and the places that call the webhook.</p></section>`;
  }
  if (problem !== undefined) return html`<section class="agent"><h2>Agent</h2><p class="alert" role="alert">${problem}</p></section>`;
  if (picture === undefined) return html`<section class="agent"><h2>Agent</h2><p role="status">Reading the agent…</p></section>`;

  const prepare = (site: CallSiteView): void =>
    onPrepare(
      picture.dialect === 'cx'
        ? { tag: site.tag ?? '', flow: site.flow ?? '', page: site.page ?? '', inputKind: site.event === undefined ? 'text' : 'event', event: site.event ?? '' }
        : { intent: site.intent ?? '', action: site.action ?? '', inputKind: 'text' },
      picture.dialect,
    );
  const flow = picture.flows.find((f) => f.id === flowId) ?? picture.flows[0];
  const sites = picture.dialect === 'es' ? picture.callSites : picture.callSites.filter((s) => s.flow === flow?.id);
  const missing = picture.callSites.filter((s) => !s.covered).length;

  return html`
    <section class="agent" aria-labelledby="agent-title">
      <div class="row">
        <h2 id="agent-title">Agent ${picture.name}</h2>
        <button type="button" onClick=${load}>Refresh</button>
      </div>
      <p class="muted">${`${picture.callSites.length} webhook call sites, ${picture.callSites.filter((s) => !s.handled).length} without a handler in the app, ${missing} not covered by a fixture in ${fixturesDir}.`} Choose one to prepare that turn.</p>
      <${Legend} />
      ${
        picture.dialect === 'cx' && flow !== undefined
          ? html`
            ${
              picture.flows.length > 1
                ? html`<label>Flow
                  <select value=${flow.id} onChange=${(e: Event) => setFlowId((e.target as HTMLSelectElement).value)}>
                    ${picture.flows.map((f) => html`<option value=${f.id}>${f.name}</option>`)}
                  </select></label>`
                : null
            }
            <${FlowGraph} flow=${flow} sites=${picture.callSites} onPick=${prepare} />`
          : null
      }
      <h3>${picture.dialect === 'cx' ? `Call sites in ${flow?.name ?? 'this flow'}` : 'Intents that call the webhook'}</h3>
      <table class="sites">
        <thead><tr><th scope="col">Where</th><th scope="col">${picture.dialect === 'cx' ? 'Tag' : 'Intent'}</th><th scope="col">Handled</th><th scope="col">Covered</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
        <tbody>
          ${sites.map(
            (site) => html`<tr>
              <td>${site.location}</td>
              <td><code>${site.tag ?? site.event ?? site.intent ?? ''}</code></td>
              <td class=${site.handled ? 'yes' : 'no'}>${site.handled ? 'yes' : 'no handler'}</td>
              <td class=${site.covered ? 'yes' : 'no'}>${site.covered ? 'yes' : 'no fixture'}</td>
              <td><button type="button" onClick=${() => prepare(site)} aria-label=${`Prepare turn: ${site.location}`}>Prepare turn</button></td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
}

function Legend() {
  return html`<ul class="legend" aria-label="Legend">
    <li><span class="site-swatch handled covered" aria-hidden="true"></span> handled and covered</li>
    <li><span class="site-swatch handled" aria-hidden="true"></span> handled, no fixture (dashed)</li>
    <li><span class="site-swatch unhandled" aria-hidden="true"></span> no handler in the app (red, marked !)</li>
  </ul>`;
}
