import { TargetUnreachableError, WebhookNotJsonError } from '../index.js';
import { urlTarget, type ReplayAuth, type ReplayTarget } from '../testing/index.js';
import type { FixtureSource, HostAnswer } from './host-protocol.js';
import type { PlayTarget } from './play-target.js';
import { runSources, type RunOutcome } from './run-outcome.js';
import type { AppStatus } from './view.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * A webhook that runs elsewhere (`--url`): turns are POSTed to it with the credentials replay
 * would send. A webhook that is down, or that answers with a web page, is said so plainly.
 * Its log lines and errors stay where it runs.
 */
export class UrlPlayTarget implements PlayTarget {
  readonly status: AppStatus;
  readonly routes = [];
  readonly sessionContext = undefined;
  private readonly target: ReplayTarget;

  constructor(
    private readonly url: string,
    auth: ReplayAuth,
    timeoutMs?: number,
  ) {
    this.target = urlTarget(url, { auth, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
    this.status = { state: 'ready', target: url, kind: 'url', generation: 1, at: new Date().toISOString() };
  }

  onStatus(): () => void {
    return () => {};
  }

  settled(): Promise<void> {
    return Promise.resolve();
  }

  async send(body: string, headers: Record<string, string>): Promise<HostAnswer> {
    const started = performance.now();
    const result = await this.reach(this.target, body, headers);
    return { result, ms: performance.now() - started, logs: [] };
  }

  /** Replays fixtures against the webhook, which they share as a real agent's conversations do. */
  run(sources: FixtureSource[], keepGoing: boolean): Promise<RunOutcome[]> {
    const checked: ReplayTarget = { sessionContext: this.target.sessionContext, send: (body, headers) => this.reach(this.target, body, headers) };
    return runSources(sources, async () => ({ target: checked, close: async () => {} }), { keepGoing });
  }

  close(): void {}

  private async reach(target: ReplayTarget, body: string, headers: Record<string, string>): Promise<Awaited<ReturnType<ReplayTarget['send']>>> {
    let result: Awaited<ReturnType<ReplayTarget['send']>>;
    try {
      result = await target.send(body, headers);
    } catch (error) {
      if (error instanceof TargetUnreachableError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw new TargetUnreachableError(this.url, message.slice(message.lastIndexOf(': ') + 2));
    }
    const type = result.headers['content-type'] ?? '';
    if (!JSON_TYPE.test(type) && !isJson(result.body)) throw new WebhookNotJsonError(this.url, result.status, type.split(';')[0]!);
    return result;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
