import type { Mismatch } from './check-expectation.js';
import type { Expectation } from './fixture.js';
import type { Reply } from './reply.js';

/**
 * The expectation `--update` writes for a turn: a snapshot of the whole answer when there was
 * none; otherwise the same expectation with only the failing parts refreshed from the answer,
 * so what a designer chose to check (and its `{{captures}}`) stays as written.
 */
export function updateExpectation(expect: Expectation | undefined, reply: Reply, mismatches: readonly Mismatch[]): Expectation {
  const failing = mismatches.map((m) => m.what);
  if (expect === undefined || Object.keys(expect).length === 0 || failing.includes('status')) return snapshot(reply);
  const next: Expectation = structuredClone(expect);
  for (const what of failing) {
    if (what.startsWith('response schema')) continue; // the webhook's bug: no expectation can fix it
    const [key, ...rest] = what.split('.');
    const name = rest.join('.');
    switch (key) {
      case 'texts':
        next.texts = [...reply.texts];
        break;
      case 'textContains':
      case 'textMatches':
        next[key] = keepHolding(
          next[key],
          mismatches.filter((m) => m.what === key).map((m) => m.expected),
        );
        if (next[key] === undefined) delete next[key];
        next.texts ??= [...reply.texts];
        break;
      case 'params':
        setOrDelete(next.params!, name, Object.hasOwn(reply.params, name) ? reply.params[name] : reply.sessionReplaced ? null : undefined);
        break;
      case 'contexts': {
        const context = reply.contexts[name];
        setOrDelete(next.contexts!, name, context === undefined ? undefined : context.lifespanCount === 0 ? null : context);
        break;
      }
      case 'form':
        setOrDelete(next.form!, name, reply.form[name] as never);
        break;
      case 'targetPage':
      case 'targetFlow':
        if (reply[key] === undefined) delete next[key];
        else next[key] = reply[key];
        break;
      default:
        if (key!.startsWith('response') && next.response !== undefined && reply.body !== undefined) next.response = reply.body;
    }
  }
  return next;
}

function snapshot(reply: Reply): Expectation {
  if (reply.status !== 200 || reply.body === undefined) return { status: reply.status };
  return { response: reply.body };
}

function keepHolding(value: string | string[] | undefined, failed: unknown[]): string | string[] | undefined {
  const kept = (typeof value === 'string' ? [value] : (value ?? [])).filter((item) => !failed.includes(item));
  if (kept.length === 0) return undefined;
  return typeof value === 'string' ? kept[0] : kept;
}

function setOrDelete<T>(map: Record<string, T>, name: string, value: T | undefined): void {
  if (value === undefined) delete map[name];
  else map[name] = value;
}
