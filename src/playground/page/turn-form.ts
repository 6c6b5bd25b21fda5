import { useState } from 'preact/hooks';
import type { Choices, TurnInput } from '../view.js';
import type { Conversation } from './conversation.js';
import { parseParams, type FormState, type ParamRow } from './form-state.js';
import { html } from './html.js';

interface Props {
  conversation: Conversation;
  form: FormState;
  setForm: (change: (form: FormState) => FormState) => void;
  choices: Choices | undefined;
  busy: boolean;
  onSend: (input: TurnInput) => Promise<boolean>;
}

/**
 * What Dialogflow would send next: CX tag, flow, page and what the user did (text, event,
 * DTMF); ES intent, action and text or event; parameters as JSON values. Choices come from the
 * agent, or from the app's own routes.
 */
export function TurnForm({ conversation, form, setForm, choices, busy, onSend }: Props) {
  const [errors, setErrors] = useState<Map<number, string>>(new Map());
  const cx = conversation.dialect === 'cx';
  const set = (key: keyof FormState) => (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const flow = choices?.flows.find((f) => f.id === form.flow || f.name === form.flow);

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    const { params, errors: found } = parseParams(form.params);
    setErrors(found);
    if (found.size > 0) {
      document.getElementById(`param-value-${[...found.keys()][0]}`)?.focus();
      return;
    }
    const said = { text: form.text, event: form.event, dtmf: form.dtmf }[form.inputKind];
    const input: TurnInput = {
      dialect: conversation.dialect,
      languageCode: conversation.languageCode,
      session: conversation.session,
      params,
      ...(said.trim() === '' ? {} : { [form.inputKind]: said }),
      ...(cx ? { tag: form.tag, flow: form.flow, page: form.page } : { intent: form.intent, action: form.action }),
    };
    if (await onSend(input)) setForm((f) => ({ ...f, text: '', event: '', dtmf: '', params: [{ name: '', value: '' }] }));
  };

  return html`
    <form class="turn-form" onSubmit=${submit} aria-describedby="form-help">
      <p id="form-help" class="muted">
        ${choices?.source === 'agent' ? 'Choices come from the agent.' : choices?.source === 'app' ? "Choices come from the app's routes." : 'Type what Dialogflow would send.'}
      </p>
      ${
        cx
          ? html`
            <${Field} id="turn-tag" label="Fulfillment tag" value=${form.tag} onInput=${set('tag')} list="tags" options=${choices?.tags} />
            <${Field} id="turn-flow" label="Flow" value=${form.flow} onInput=${set('flow')} list="flows"
              options=${choices?.flows.map((f) => ({ value: f.id, label: f.name }))} hint="empty: the default start flow" />
            <${Field} id="turn-page" label="Page" value=${form.page} onInput=${set('page')} list="pages"
              options=${flow?.pages.map((p) => ({ value: p.id, label: p.name }))} hint="empty: where the last answer left the conversation" />`
          : html`
            <${Field} id="turn-intent" label="Intent" value=${form.intent} onInput=${set('intent')} list="intents" options=${choices?.intents} />
            <${Field} id="turn-action" label="Action" value=${form.action} onInput=${set('action')} list="actions" options=${choices?.actions} />`
      }
      <fieldset class="said">
        <legend>What the user did</legend>
        ${(cx ? (['text', 'event', 'dtmf'] as const) : (['text', 'event'] as const)).map(
          (kind) => html`
            <label class="inline">
              <input type="radio" name="input-kind" value=${kind} checked=${form.inputKind === kind}
                onChange=${() => setForm((f) => ({ ...f, inputKind: kind }))} />
              ${{ text: 'Said or typed', event: 'Event', dtmf: 'DTMF digits' }[kind]}
            </label>`,
        )}
        ${
          form.inputKind === 'text'
            ? html`<${Field} id="turn-text" label="Text" value=${form.text} onInput=${set('text')} />`
            : form.inputKind === 'event'
              ? html`<${Field} id="turn-text" label="Event name" value=${form.event} onInput=${set('event')} list="events"
                options=${cx ? choices?.events.cx : choices?.events.es} />`
              : html`<${Field} id="turn-text" label="Digits" value=${form.dtmf} onInput=${set('dtmf')} />`
        }
      </fieldset>
      <${ParamsEditor} rows=${form.params} errors=${errors} dialect=${conversation.dialect}
        onChange=${(params: ParamRow[]) => setForm((f) => ({ ...f, params }))} />
      <button type="submit" class="primary" disabled=${busy}>${busy ? 'Sending…' : 'Send turn'}</button>
    </form>`;
}

interface FieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (event: Event) => void;
  list?: string;
  options?: (string | { value: string; label: string })[];
  hint?: string;
}

function Field({ id, label, value, onInput, list, options, hint }: FieldProps) {
  return html`
    <div class="field">
      <label for=${id}>${label}</label>
      <input id=${id} value=${value} onInput=${onInput} list=${options !== undefined && options.length > 0 ? list : undefined}
        aria-describedby=${hint === undefined ? undefined : `${id}-hint`} autocomplete="off" />
      ${hint === undefined ? null : html`<small id=${`${id}-hint`} class="muted">${hint}</small>`}
      ${
        options !== undefined && options.length > 0
          ? html`<datalist id=${list}>
            ${options.map((o) => (typeof o === 'string' ? html`<option value=${o} />` : html`<option value=${o.value} label=${o.label} />`))}
          </datalist>`
          : null
      }
    </div>`;
}

function ParamsEditor({
  rows,
  errors,
  dialect,
  onChange,
}: {
  rows: ParamRow[];
  errors: Map<number, string>;
  dialect: string;
  onChange: (rows: ParamRow[]) => void;
}) {
  const change = (i: number, key: keyof ParamRow, value: string): void => onChange(rows.map((row, j) => (j === i ? { ...row, [key]: value } : row)));
  return html`
    <fieldset class="params">
      <legend>Parameters <span class="muted">(${dialect === 'cx' ? 'session parameters; null deletes one' : "the intent's parameters"}, values as JSON)</span></legend>
      ${rows.map(
        (row, i) => html`
          <div class="param-row">
            <label class="visually-hidden" for=${`param-name-${i}`}>Name of parameter ${i + 1}</label>
            <input id=${`param-name-${i}`} placeholder="name" value=${row.name} autocomplete="off"
              onInput=${(e: Event) => change(i, 'name', (e.target as HTMLInputElement).value)} />
            <label class="visually-hidden" for=${`param-value-${i}`}>Value of parameter ${i + 1}, as JSON</label>
            <input id=${`param-value-${i}`} placeholder='"12345"' value=${row.value} autocomplete="off" class="mono"
              aria-invalid=${errors.has(i)} aria-describedby=${errors.has(i) ? `param-error-${i}` : undefined}
              onInput=${(e: Event) => change(i, 'value', (e.target as HTMLInputElement).value)} />
            <button type="button" class="icon" aria-label=${`Remove parameter ${i + 1}`}
              onClick=${() => onChange(rows.length === 1 ? [{ name: '', value: '' }] : rows.filter((_, j) => j !== i))}>×</button>
            ${errors.has(i) ? html`<p id=${`param-error-${i}`} class="field-error" role="alert">${errors.get(i)}</p>` : null}
          </div>`,
      )}
      <button type="button" onClick=${() => onChange([...rows, { name: '', value: '' }])}>Add parameter</button>
    </fieldset>`;
}
