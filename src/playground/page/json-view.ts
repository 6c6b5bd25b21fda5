import { useState } from 'preact/hooks';
import type { Json } from '../view.js';
import { html } from './html.js';

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g;

/**
 * JSON, indented and coloured (keys, strings, numbers, literals), with a button that copies
 * it. Coloured by splitting the text into spans, never by writing HTML.
 */
export function JsonView({ value, label }: { value: Json | string; label: string }) {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    await copyText(text);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return html`
    <div class="json">
      <button type="button" class="copy" onClick=${copy} aria-label=${`${copied ? 'Copied' : 'Copy'} the ${label}`}>${copied ? 'Copied' : 'Copy'}</button>
      <pre tabindex="0" aria-label=${label}><code>${typeof value === 'string' ? text : highlight(text)}</code></pre>
    </div>`;
}

function highlight(text: string): unknown[] {
  const parts: unknown[] = [];
  let at = 0;
  for (const match of text.matchAll(TOKEN)) {
    parts.push(text.slice(at, match.index));
    const [whole, string, colon, literal, number] = match;
    if (string !== undefined) parts.push(html`<span class=${colon === undefined ? 'j-string' : 'j-key'}>${string}</span>`, colon ?? '');
    else if (literal !== undefined) parts.push(html`<span class="j-literal">${literal}</span>`);
    else parts.push(html`<span class="j-number">${number}</span>`);
    at = match.index + whole.length;
  }
  parts.push(text.slice(at));
  return parts;
}

/** The clipboard where the page may use it (127.0.0.1, localhost); a selection and copy where it may not. */
async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard !== undefined && window.isSecureContext) return await navigator.clipboard.writeText(text);
  } catch {
    // refused (no permission): the old way below
  }
  const area = document.createElement('textarea');
  area.value = text;
  document.body.append(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}
