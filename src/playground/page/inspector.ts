import { useState } from 'preact/hooks';
import type { TurnRecord } from './conversation.js';
import { html } from './html.js';
import { JsonView } from './json-view.js';
import { Tabs } from './tabs.js';

const VIEWS = [
  { id: 'request', label: 'Request' },
  { id: 'response', label: 'Response' },
  { id: 'checks', label: 'Checks' },
  { id: 'logs', label: 'Logs' },
  { id: 'error', label: 'Error' },
] as const;
type View = (typeof VIEWS)[number]['id'];

/**
 * One turn behind the chat: the request as sent and the response as received, the schema
 * check with each issue's path, the time it took, the app's log lines, and the error a handler
 * threw with its stack (only for an app the playground runs; never part of the response).
 */
export function Inspector({ turn, index, kind }: { turn: TurnRecord | undefined; index: number | undefined; kind: 'app' | 'url' }) {
  const [view, setView] = useState<View>('request');
  if (turn === undefined || index === undefined) {
    return html`<section class="inspector" aria-labelledby="inspector-title"><h2 id="inspector-title">Inspector</h2><p class="muted">Send a turn to inspect it.</p></section>`;
  }
  const t = turn.view;
  const tabs = VIEWS.map((v) => ({
    id: v.id,
    label:
      v.id === 'checks'
        ? `Checks${t.checks.length > 0 ? ` (${t.checks.length})` : ''}`
        : v.id === 'logs'
          ? `Logs (${t.logs.length})`
          : v.id === 'error' && t.error !== undefined
            ? 'Error (1)'
            : v.label,
  }));
  return html`
    <section class="inspector" aria-labelledby="inspector-title">
      <h2 id="inspector-title">Inspector: turn ${index + 1}</h2>
      <p class="muted">HTTP ${t.status} · <span class="timing">${t.ms} ms${kind === 'app' ? ' in app.handle()' : ' there and back'}</span></p>
      <${Tabs} tabs=${tabs} current=${view} onSelect=${(id: View) => setView(id)} label="Inspector views" />
      <div role="tabpanel" id=${`panel-${view}`} aria-labelledby=${`tab-${view}`} class="inspector-panel">
        ${view === 'request' ? html`<${JsonView} value=${t.sent} label="request JSON" />` : null}
        ${view === 'response' ? html`<${JsonView} value=${t.response ?? t.rawBody ?? ''} label="response JSON" />` : null}
        ${view === 'checks' ? checks(t.checks, t.response !== null) : null}
        ${view === 'logs' ? logs(t.logs, kind) : null}
        ${view === 'error' ? error(t.error, kind) : null}
      </div>
    </section>`;
}

function checks(issues: TurnRecord['view']['checks'], checked: boolean) {
  if (!checked) return html`<p>No WebhookResponse to check.</p>`;
  if (issues.length === 0) return html`<p class="ok">The response is a valid WebhookResponse.</p>`;
  return html`<ul class="issues">${issues.map((i) => html`<li><code>${i.path || '(the response)'}</code>: ${i.message}</li>`)}</ul>`;
}

function logs(lines: TurnRecord['view']['logs'], kind: 'app' | 'url') {
  if (kind === 'url') return html`<p class="muted">The webhook runs elsewhere: its log lines are where it runs.</p>`;
  if (lines.length === 0) return html`<p class="muted">The app wrote no log line for this turn.</p>`;
  return html`<ol class="logs">${lines.map(
    (line) => html`<li class=${`log-${line.level}`}><span class="level">${line.level}</span> ${line.message}
      ${Object.keys(line.fields).length === 0 ? null : html`<code>${JSON.stringify(line.fields)}</code>`}</li>`,
  )}</ol>`;
}

function error(view: TurnRecord['view']['error'], kind: 'app' | 'url') {
  if (kind === 'url') return html`<p class="muted">The webhook runs elsewhere: its errors are in its own logs.</p>`;
  if (view === undefined) return html`<p class="muted">No handler threw during this turn.</p>`;
  return html`<div class="error-view">
    <p><strong>${view.type ?? 'Error'}${view.code === undefined ? '' : ` (${view.code})`}</strong>: ${view.message}</p>
    ${view.stack === undefined ? null : html`<pre tabindex="0" aria-label="Stack trace">${view.stack}</pre>`}
    <p class="muted">Shown here only: the webhook response carries no stack, and the user hears the apology.</p>
  </div>`;
}
