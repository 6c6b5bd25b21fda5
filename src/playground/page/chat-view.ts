import { useEffect, useRef } from 'preact/hooks';
import type { TurnRecord } from './conversation.js';
import { ChatItemView } from './chat-item.js';
import { html } from './html.js';

interface Props {
  turns: TurnRecord[];
  selected: number | undefined;
  onSelect: (index: number) => void;
  onChip: (text: string) => void;
}

/** The conversation as the user would see it: what they did, and each answer drawn as a chat. */
export function ChatView({ turns, selected, onSelect, onChip }: Props) {
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'nearest' }), [turns.length]);
  if (turns.length === 0) {
    return html`<p class="empty">No turns yet. Set up the first one on the left and send it.</p>`;
  }
  return html`
    <div role="log" aria-live="polite" aria-label="Conversation"><ol class="chat">
      ${turns.map(({ input, view }, i) => {
        const said = input.text ?? (input.event !== undefined ? `(event ${input.event})` : input.dtmf !== undefined ? `(DTMF ${input.dtmf})` : '(no text)');
        const route =
          input.dialect === 'cx'
            ? [input.tag && `tag ${input.tag}`, input.page && `page ${input.page}`]
            : [input.intent && `intent ${input.intent}`, input.action && `action ${input.action}`];
        return html`
          <li class=${`turn${i === selected ? ' selected' : ''}`} ref=${i === turns.length - 1 ? end : undefined}>
            <div class="bubble user"><span class="visually-hidden">User: </span>${said}</div>
            <p class="route muted">${route.filter(Boolean).join(' · ') || 'no route'}</p>
            <div class="answers">
              ${view.problem === undefined ? null : html`<div class="bubble problem" role="alert"><strong>${view.problem.code}</strong> ${view.problem.message}</div>`}
              ${view.chat.map((item) => html`<${ChatItemView} item=${item} onChip=${onChip} />`)}
              ${view.chat.length === 0 && view.problem === undefined ? html`<p class="muted">The answer shows nothing to the user.</p>` : null}
            </div>
            <button type="button" class="link" aria-pressed=${i === selected} onClick=${() => onSelect(i)}>
              Inspect turn ${i + 1} <span class="timing">(${view.status}, ${view.ms} ms)</span>
            </button>
          </li>`;
      })}
    </ol></div>`;
}
