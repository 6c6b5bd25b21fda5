import { useEffect, useState } from 'preact/hooks';
import type { DialectName, PastTurn, PlayState, TurnInput, TurnView } from '../view.js';
import { AgentPanel } from './agent-panel.js';
import { events, getJson, postJson, storageKey } from './api.js';
import { messageOf, type Conversation } from './conversation.js';
import { ChatView } from './chat-view.js';
import { FixturesPanel } from './fixtures-panel.js';
import { emptyForm, type FormState } from './form-state.js';
import { html } from './html.js';
import { Inspector } from './inspector.js';
import { SessionPanel } from './session-panel.js';
import { StatusBar } from './status-bar.js';
import { Tabs } from './tabs.js';
import { TurnForm } from './turn-form.js';

const TABS = [
  { id: 'talk', label: 'Conversation' },
  { id: 'agent', label: 'Agent' },
  { id: 'fixtures', label: 'Fixtures' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** The whole page: header, status, and the three tabs. */
export function App() {
  const [state, setState] = useState<PlayState | undefined>(undefined);
  const [conversation, setConversation] = useState<Conversation>(restore);
  const [form, setForm] = useState<FormState>(emptyForm);
  const [selected, setSelected] = useState<number | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('talk');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    // The stream sends the state when it connects and at every change, so a state it delivered
    // is never older than the fetched one: the fetch only fills in until the stream speaks
    // (an answer that arrived after the stream's "ready" left the page saying "loading").
    getJson<PlayState>('/api/state').then(
      (fetched) => setState((current) => current ?? fetched),
      (error: unknown) => setProblem(messageOf(error)),
    );
    const source = events((data) => setState(data as PlayState));
    return () => source.close();
  }, []);
  useEffect(() => sessionStorage.setItem(storageKey, JSON.stringify(conversation)), [conversation]);

  const reached = conversation.turns.filter((t) => t.view.response !== null || t.view.rawBody !== undefined);
  const history: PastTurn[] = reached.map(({ view }) => ({ own: view.own, sent: view.sent, status: view.status, response: view.response }));

  const send = async (input: TurnInput): Promise<boolean> => {
    setBusy(true);
    setProblem(undefined);
    try {
      const view = await postJson<TurnView>('/api/turn', { input, history });
      const turns = [...conversation.turns, { input, view }];
      setConversation({ ...conversation, turns });
      setSelected(turns.length - 1);
      return true;
    } catch (error) {
      setProblem(messageOf(error));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const restart = (dialect: DialectName = conversation.dialect, languageCode = conversation.languageCode): void => {
    setConversation({ dialect, languageCode, session: newSession(), turns: [] });
    setSelected(undefined);
    setForm(emptyForm());
  };
  const prepare = (change: Partial<FormState>, dialect: DialectName): void => {
    if (dialect !== conversation.dialect) restart(dialect);
    setForm((current) => ({ ...current, ...change }));
    setTab('talk');
    requestAnimationFrame(() => document.getElementById('turn-text')?.focus());
  };
  const current = selected === undefined ? undefined : conversation.turns[selected];
  const last = conversation.turns.at(-1)?.view.session;

  return html`
    <header class="top">
      <h1>fulfiller playground</h1>
      <div class="settings" role="group" aria-label="Session settings">
        <label>Dialect
          <select value=${conversation.dialect} onChange=${(e: Event) => restart((e.target as HTMLSelectElement).value as DialectName)}>
            <option value="cx">Dialogflow CX</option>
            <option value="es">Dialogflow ES</option>
          </select>
        </label>
        <label>Language
          <input list="languages" size="6" value=${conversation.languageCode}
            onChange=${(e: Event) => setConversation({ ...conversation, languageCode: (e.target as HTMLInputElement).value.trim() || 'en' })} />
        </label>
        <datalist id="languages">${(state?.languages ?? ['en']).map((l) => html`<option value=${l} />`)}</datalist>
        <button type="button" onClick=${() => restart()}>New session</button>
      </div>
    </header>
    <${StatusBar} state=${state} />
    <p class="note">
      The playground sends each turn to the webhook as Dialogflow would, and carries the session between turns
      (parameters, page, contexts and their lifespans). The agent's own routes, conditions, forms and parameter
      presets are not simulated: for each turn, choose the tag and page (CX) or the intent (ES) yourself.
    </p>
    ${problem === undefined ? null : html`<p class="alert" role="alert">${problem}</p>`}
    <${Tabs} tabs=${TABS} current=${tab} onSelect=${(id: Tab) => setTab(id)} />
    <main id=${`panel-${tab}`} role="tabpanel" aria-labelledby=${`tab-${tab}`} class=${`panel panel-${tab}`}>
      ${
        tab === 'talk'
          ? html`
            <section class="column form-column" aria-labelledby="form-title">
              <h2 id="form-title">Next turn</h2>
              <${TurnForm} conversation=${conversation} form=${form} setForm=${setForm} choices=${state?.choices}
                busy=${busy} onSend=${send} />
            </section>
            <section class="column chat-column" aria-labelledby="chat-title">
              <div class="row">
                <h2 id="chat-title">Conversation <span class="muted">session ${conversation.session}</span></h2>
                <button type="button" disabled=${reached.length === 0} onClick=${() => setTab('fixtures')}>Save as fixture…</button>
              </div>
              <${ChatView} turns=${conversation.turns} selected=${selected} onSelect=${setSelected}
                onChip=${(text: string) => prepare({ inputKind: 'text', text }, conversation.dialect)} />
            </section>
            <section class="column side-column" aria-label="Session and inspector">
              <${SessionPanel} dialect=${conversation.dialect} session=${last} choices=${state?.choices} />
              <${Inspector} turn=${current} index=${selected} kind=${state?.app.kind ?? 'app'} />
            </section>`
          : tab === 'agent'
            ? html`<${AgentPanel} hasAgent=${state?.hasAgent ?? false} onPrepare=${prepare} fixturesDir=${state?.fixturesDir ?? 'fixtures'} />`
            : html`<${FixturesPanel} conversation=${conversation} history=${history} fixturesDir=${state?.fixturesDir ?? 'fixtures'} />`
      }
    </main>
  `;
}

function restore(): Conversation {
  try {
    const kept = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as Conversation | null;
    if (kept !== null && Array.isArray(kept.turns)) return kept;
  } catch {
    // nothing kept, or from another version of the page
  }
  return { dialect: 'cx', languageCode: 'en', session: newSession(), turns: [] };
}

function newSession(): string {
  return `play-${Math.random().toString(36).slice(2, 10)}`;
}
