import type { LegacyResponse } from '../../../src/compat/dialogflow-fulfillment/index.js';

/** A node:http-like response that keeps what was written to it. */
export class RecordingResponse implements LegacyResponse {
  statusCode = 200;
  headersSent = false;
  readonly headers: Record<string, string> = {};
  body: string | undefined;

  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  end(body?: string): void {
    this.body = body;
    this.headersSent = true;
  }

  /** The answer as JSON. */
  get answer(): Record<string, unknown> {
    if (this.body === undefined) throw new Error('nothing was written');
    return JSON.parse(this.body) as Record<string, unknown>;
  }
}
