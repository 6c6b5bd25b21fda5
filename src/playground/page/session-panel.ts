import type { Choices, DialectName, Json, SessionView } from '../view.js';
import { html } from './html.js';

/**
 * The session as the next turn will see it: CX flow, page and parameters; ES contexts with
 * their lifespans and the session parameters. What the last answer changed is marked.
 */
export function SessionPanel({ dialect, session, choices }: { dialect: DialectName; session: SessionView | undefined; choices: Choices | undefined }) {
  const flow = choices?.flows.find((f) => f.id === session?.flow);
  const page = flow?.pages.find((p) => p.id === session?.page);
  return html`
    <section class="session" aria-labelledby="session-title">
      <h2 id="session-title">Session</h2>
      ${session === undefined ? html`<p class="muted">Empty: nothing has been said yet.</p>` : null}
      ${
        dialect === 'cx' && session !== undefined
          ? html`<dl class="place"><dt>Flow</dt><dd>${flow?.name ?? BUILT_IN[session.flow ?? ''] ?? session.flow ?? '(start)'}</dd>
            <dt>Page</dt><dd>${page?.name ?? BUILT_IN[session.page ?? ''] ?? session.page ?? '(start)'}</dd></dl>`
          : null
      }
      ${
        session === undefined
          ? null
          : html`
            <h3>${dialect === 'cx' ? 'Parameters' : 'Session parameters'}</h3>
            ${
              session.params.length === 0
                ? html`<p class="muted">None.</p>`
                : html`<table class="kv">
                  <thead><tr><th scope="col">Name</th><th scope="col">Value</th><th scope="col">This turn</th></tr></thead>
                  <tbody>${session.params.map(
                    (p) =>
                      html`<tr class=${p.change ?? ''}><th scope="row">${p.name}</th><td><code>${show(p.value)}</code></td><td>${changeLabel(p.change)}</td></tr>`,
                  )}</tbody>
                </table>`
            }
            ${
              dialect === 'es'
                ? html`<h3>Contexts</h3>
                  ${
                    session.contexts.length === 0
                      ? html`<p class="muted">None active.</p>`
                      : html`<table class="kv">
                        <thead><tr><th scope="col">Context</th><th scope="col">Lifespan</th><th scope="col">Parameters</th><th scope="col">This turn</th></tr></thead>
                        <tbody>${session.contexts.map(
                          (c) =>
                            html`<tr class=${c.change ?? ''}><th scope="row">${c.id}</th><td>${c.lifespanCount}</td><td><code>${show(c.parameters)}</code></td><td>${changeLabel(c.change)}</td></tr>`,
                        )}</tbody>
                      </table>`
                  }`
                : null
            }`
      }
    </section>`;
}

/** The names Dialogflow CX gives its own flow and pages. */
const BUILT_IN: Record<string, string> = {
  '00000000-0000-0000-0000-000000000000': 'Default Start Flow',
  START_PAGE: 'Start Page',
  END_SESSION: 'End Session',
  END_FLOW: 'End Flow',
};

function changeLabel(change: 'set' | 'deleted' | undefined): string {
  return change === 'set' ? 'set' : change === 'deleted' ? 'deleted' : '';
}

function show(value: Json): string {
  return JSON.stringify(value);
}
