import type { ChatItem, RichPart } from '../view.js';
import { html } from './html.js';

const EVENT_ICON: Record<string, string> = {
  'end-interaction': '■',
  handoff: '☎',
  'transfer-call': '☎',
  'play-audio': '♪',
  success: '✓',
  'followup-event': '↪',
  transition: '→',
  'knowledge-card': 'ℹ',
};

/** One thing in an answer: a text bubble, a card, speech, an event or a payload shown as JSON. */
export function ChatItemView({ item, onChip }: { item: ChatItem; onChip: (text: string) => void }) {
  const channel = 'channel' in item && item.channel !== undefined ? html`<span class="channel">${item.channel}</span>` : null;
  switch (item.kind) {
    case 'text':
      return html`<div class="bubble bot">${channel}${item.text}
        ${item.alternatives === undefined ? null : html`<small class="muted block">or, as Dialogflow picks: ${item.alternatives.join(' / ')}</small>`}</div>`;
    case 'audio':
      return html`<div class="bubble bot audio">${channel}<span class="marker">♪ spoken${item.ssml ? ' (SSML)' : ''}</span> ${item.text}</div>`;
    case 'event':
      return html`<div class=${`event event-${item.event}`}><span aria-hidden="true">${EVENT_ICON[item.event] ?? '•'}</span> ${item.label}
        ${item.detail === undefined ? null : html`<code>${item.detail}</code>`}</div>`;
    case 'payload':
      return html`<details class="payload">${channel}<summary>Custom payload</summary><pre>${JSON.stringify(item.json, null, 2)}</pre></details>`;
    case 'card': {
      const onlyChips = item.parts.every((p) => p.type === 'chips');
      return html`<div class=${onlyChips ? 'chips-only' : 'card'}>${channel}${item.parts.map((part) => html`<${Part} part=${part} onChip=${onChip} />`)}</div>`;
    }
  }
}

function Part({ part, onChip }: { part: RichPart; onChip: (text: string) => void }) {
  switch (part.type) {
    case 'info':
      return html`<div class="info">
        ${part.imageUrl === undefined ? null : html`<img src=${safe(part.imageUrl)} alt="" />`}
        <div><strong>${part.link === undefined ? part.title : html`<a href=${safe(part.link)} target="_blank" rel="noopener noreferrer">${part.title}</a>`}</strong>
        ${part.subtitle === undefined ? null : html`<div class="muted">${part.subtitle}</div>`}</div>
      </div>`;
    case 'description':
      return html`<div class="description">${part.title === undefined ? null : html`<strong>${part.title}</strong>`}${part.lines.map((l) => html`<p>${l}</p>`)}</div>`;
    case 'button':
      return part.link === undefined
        ? html`<button type="button" class="card-button" onClick=${() => onChip(part.text)} title=${part.event === undefined ? '' : `event ${part.event}`}>${part.text}</button>`
        : html`<a class="card-button" href=${safe(part.link)} target="_blank" rel="noopener noreferrer">${part.text} ›</a>`;
    case 'chips':
      return html`<ul class="chips" aria-label="Suggestions">
        ${part.chips.map(
          (chip) =>
            html`<li>${
              chip.link === undefined
                ? html`<button type="button" class="chip" onClick=${() => onChip(chip.text)}>${chip.text}</button>`
                : html`<a class="chip" href=${safe(chip.link)} target="_blank" rel="noopener noreferrer">${chip.text}</a>`
            }</li>`,
        )}
      </ul>`;
    case 'list':
      return html`<div class="list-item"><strong>${part.title}</strong>${part.subtitle === undefined ? null : html`<div class="muted">${part.subtitle}</div>`}</div>`;
    case 'accordion':
      return html`<details class="accordion"><summary>${part.title}${part.subtitle === undefined ? null : html` <span class="muted">${part.subtitle}</span>`}</summary>
        ${part.imageUrl === undefined ? null : html`<img src=${safe(part.imageUrl)} alt="" />`}<p>${part.text ?? ''}</p></details>`;
    case 'image':
      return html`<img class="picture" src=${safe(part.url)} alt=${part.alt} />`;
    case 'divider':
      return html`<hr />`;
    case 'other':
      return html`<pre class="other">${JSON.stringify(part.json, null, 2)}</pre>`;
  }
}

/** Only web and data URLs reach an href or src: no javascript: from an answer. */
function safe(url: string): string {
  return /^(https?:|data:image\/)/i.test(url) ? url : 'about:blank';
}
