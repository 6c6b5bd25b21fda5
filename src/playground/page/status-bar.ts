import type { PlayState } from '../view.js';
import { html } from './html.js';

/** Where the app stands: loading, running (and since when), or failing to load, with its error. */
export function StatusBar({ state }: { state: PlayState | undefined }) {
  if (state === undefined) return html`<p class="status" role="status">Connecting to the playground…</p>`;
  const { app } = state;
  const time = new Date(app.at).toLocaleTimeString();
  const what = app.kind === 'app' ? `App ${app.target}` : `Webhook ${app.target}`;
  if (app.state === 'loading') return html`<p class="status loading" role="status">${what}: loading…</p>`;
  if (app.state === 'failed') {
    return html`
      <div class="status failed" role="alert">
        <p><strong>${what} is not running.</strong> ${app.error?.message ?? ''}</p>
        ${app.error?.stack === undefined ? null : html`<details><summary>Stack</summary><pre>${app.error.stack}</pre></details>`}
        <p>Fix the file and save it: the app is loaded again, and the conversation is kept.</p>
      </div>`;
  }
  const reloaded = app.generation > 1 ? ` Reloaded at ${time}; the conversation is kept.` : '';
  return html`<p class="status ready" role="status">${what}: running.${reloaded}</p>`;
}
