import { useEffect, useState } from 'preact/hooks';
import type { FixtureResultView, MaskView, PastTurn, RunResult, SaveResult } from '../view.js';
import { ApiError, postJson } from './api.js';
import { messageOf, type Conversation } from './conversation.js';
import { html } from './html.js';

interface Props {
  conversation: Conversation;
  history: PastTurn[];
  fixturesDir: string;
}

/**
 * Keep what was tried: save the conversation as a fixture (personal data masked, each value
 * can be kept), see it replayed at once, and run every fixture of the folder with its diffs.
 */
export function FixturesPanel({ conversation, history, fixturesDir }: Props) {
  const [name, setName] = useState(() => suggestName(conversation));
  const [masks, setMasks] = useState<MaskView[]>([]);
  const [keep, setKeep] = useState<Set<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<SaveResult | undefined>(undefined);
  const [exists, setExists] = useState<string | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [run, setRun] = useState<RunResult | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (history.length === 0) return;
    postJson<MaskView[]>('/api/fixtures/preview', { dialect: conversation.dialect, turns: history }).then(setMasks, (e: unknown) => setProblem(messageOf(e)));
  }, [history.length, conversation.session]);

  const save = async (replace: boolean): Promise<void> => {
    setSaving(true);
    setProblem(undefined);
    setExists(undefined);
    try {
      setSaved(await postJson<SaveResult>('/api/fixtures/save', { dialect: conversation.dialect, turns: history, name, keep: [...keep], replace }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'ERR_FIXTURE_EXISTS') setExists(error.message);
      else setProblem(messageOf(error));
    } finally {
      setSaving(false);
    }
  };
  const runAll = async (): Promise<void> => {
    setRunning(true);
    setProblem(undefined);
    try {
      setRun(await postJson<RunResult>('/api/fixtures/run', {}));
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setRunning(false);
    }
  };

  return html`
    <div class="fixtures">
      ${problem === undefined ? null : html`<p class="alert" role="alert">${problem}</p>`}
      <section aria-labelledby="save-title">
        <h2 id="save-title">Save as fixture</h2>
        ${
          history.length === 0
            ? html`<p class="muted">Talk first: the conversation so far becomes the fixture.</p>`
            : html`
              <form onSubmit=${(e: Event) => {
                e.preventDefault();
                void save(false);
              }}>
                <p>The ${history.length === 1 ? 'turn' : `${history.length} turns`} of this conversation, with what each answer showed as its expectation,
                  saved in <code>${fixturesDir}</code> and replayed at once. Replay it any time with <code>npx fulfiller replay</code>.</p>
                <div class="field">
                  <label for="fixture-name">Fixture name</label>
                  <input id="fixture-name" value=${name} onInput=${(e: Event) => setName((e.target as HTMLInputElement).value)} aria-describedby="fixture-name-hint" required />
                  <small id="fixture-name-hint" class="muted">Letters, digits, - _ . and / for a folder: saved as ${fixturesDir}/${name || '…'}.json</small>
                </div>
                ${
                  masks.length === 0
                    ? html`<p class="muted">No personal data found to mask.</p>`
                    : html`<fieldset>
                      <legend>Personal data is masked, as recordings mask it. Keep a value that is test data:</legend>
                      <table class="masks">
                        <thead><tr><th scope="col">Value</th><th scope="col">Saved as</th><th scope="col">Seen in</th><th scope="col">Keep unmasked</th></tr></thead>
                        <tbody>${masks.map(
                          (m, i) => html`<tr>
                            <td><code>${m.value}</code></td><td><code>${m.mask}</code>${m.kind === 'names' || m.kind === 'params' ? '' : html` <small class="muted">(keeping one keeps every ${m.kind.slice(0, -1)})</small>`}</td>
                            <td>${m.where}</td>
                            <td><input type="checkbox" id=${`keep-${i}`} checked=${keep.has(m.value)} aria-label=${`Keep ${m.value} unmasked`}
                              onChange=${(e: Event) => {
                                const next = new Set(keep);
                                if ((e.target as HTMLInputElement).checked) next.add(m.value);
                                else next.delete(m.value);
                                setKeep(next);
                              }} /></td>
                          </tr>`,
                        )}</tbody>
                      </table>
                    </fieldset>`
                }
                <button type="submit" class="primary" disabled=${saving}>${saving ? 'Saving and replaying…' : 'Save as fixture'}</button>
              </form>`
        }
        ${
          exists === undefined
            ? null
            : html`<div class="alert" role="alert"><p>${exists}</p><button type="button" onClick=${() => void save(true)}>Replace it</button></div>`
        }
        ${
          saved === undefined
            ? null
            : html`<div class="saved" role="status">
              <p><strong>Saved ${saved.file}.</strong> Replayed at once: ${saved.result.passed ? 'it passes.' : 'it fails, see below.'}</p>
              ${saved.notes.length === 0 ? null : html`<ul class="notes">${saved.notes.map((n) => html`<li>${n}</li>`)}</ul>`}
              <${Results} results=${[saved.result]} />
            </div>`
        }
      </section>
      <section aria-labelledby="run-title">
        <h2 id="run-title">Run fixtures</h2>
        <p>Replays every fixture in <code>${fixturesDir}</code> as <code>npx fulfiller replay</code> does, each on a freshly started app.</p>
        <button type="button" onClick=${runAll} disabled=${running}>${running ? 'Running…' : `Run fixtures in ${fixturesDir}`}</button>
        ${
          run === undefined
            ? null
            : html`<div role="status">
              <p>${run.results.length === 0 ? `No fixtures in ${run.dir} yet.` : `${run.results.filter((r) => r.passed).length} of ${run.results.length} passed.`}</p>
              <${Results} results=${run.results} />
            </div>`
        }
      </section>
    </div>`;
}

function Results({ results }: { results: FixtureResultView[] }) {
  return html`<ul class="results">
    ${results.map(
      (r) => html`<li class=${r.passed ? 'pass' : 'fail'}>
        <span class="badge">${r.passed ? 'ok' : 'FAIL'}</span> <code>${r.file}</code> <span class="muted">${r.dialect ?? ''} <span class="timing">${r.ms} ms</span></span>
        ${r.error === undefined ? null : html`<pre>${r.error}</pre>`}
        ${r.turns
          .filter((t) => t.error !== undefined || t.mismatches.length > 0)
          .map(
            (t) => html`<div class="failure"><strong>${t.label}</strong>
            ${t.error === undefined ? null : html`<pre>${t.error}</pre>`}
            <pre>${t.mismatches.flatMap((m) => m.lines).join('\n')}</pre></div>`,
          )}
        ${r.skipped > 0 ? html`<p class="muted">${r.skipped} later turns not run.</p>` : null}
      </li>`,
    )}
  </ul>`;
}

function suggestName(conversation: Conversation): string {
  const first = conversation.turns[0]?.input;
  const route = first === undefined ? 'conversation' : first.tag || first.intent || first.action || 'conversation';
  return `${conversation.dialect}/${route.replace(/[^\w.-]+/g, '-')}`;
}
