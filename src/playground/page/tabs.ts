import { html } from './html.js';

/**
 * The page's tabs, as a tablist: buttons that say which panel is shown. Arrow keys move
 * between them, as the ARIA tabs pattern asks; Tab moves on to the panel.
 */
export function Tabs<T extends string>({
  tabs,
  current,
  onSelect,
  label = 'Views',
}: {
  tabs: readonly { id: T; label: string }[];
  current: T;
  onSelect: (id: T) => void;
  label?: string;
}) {
  const move = (event: KeyboardEvent, index: number): void => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    const next = tabs[(index + step + tabs.length) % tabs.length]!;
    onSelect(next.id);
    requestAnimationFrame(() => document.getElementById(`tab-${next.id}`)?.focus());
  };
  return html`
    <nav class="tabs" role="tablist" aria-label=${label}>
      ${tabs.map(
        (tab, i) => html`
          <button type="button" role="tab" id=${`tab-${tab.id}`} aria-selected=${tab.id === current} aria-controls=${`panel-${tab.id}`}
            tabindex=${tab.id === current ? 0 : -1} onClick=${() => onSelect(tab.id)} onKeyDown=${(e: KeyboardEvent) => move(e, i)}>
            ${tab.label}
          </button>`,
      )}
    </nav>`;
}
