/**
 * The playground page (served by `fulfiller play`, bundled by scripts/bundle.mjs into
 * dist/lib/playground/page.js): Preact components written with htm, nothing loaded from
 * anywhere but the playground itself.
 */
import { render } from 'preact';
import { App } from './app.js';
import { html } from './html.js';

render(html`<${App} />`, document.getElementById('app')!);
