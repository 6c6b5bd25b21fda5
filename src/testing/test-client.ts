import type { FulfillerSettings } from '../app/options.js';
import { loadApp } from '../app/load-app.js';
import { detectDialect } from '../dialects/detect.js';
import type { JsonObject } from '../generated/types.js';
import { formatIssues, validateSchema } from '../schema/validate.js';
import { checkExpectation } from './check-expectation.js';
import { describeMismatch } from './describe-outcome.js';
import type { Expectation } from './fixture.js';
import { toRequest, type RequestInput } from './fixture-document.js';
import type { ReplayAuth } from './replay-auth.js';
import { appTarget, type ReplayTarget, type TestableApp } from './replay-target.js';
import { toReply, type Reply } from './reply.js';
import { SessionSimulator, type SessionState } from './session-simulator.js';
import type { AgentModel } from '../agent/agent-model.js';
import { agentCoverage, type CoverageReport, type SentRequest } from '../agent/coverage.js';
import { ExpectationError, InvalidArgumentError, InvalidResponseError } from '../errors.js';
import type { EndpointRequest } from './endpoint-fixture.js';
import { toEndpointReply, type EndpointReply } from './endpoint-reply.js';

/**
 * Sends requests to an app in this process and gives back what the user would see. Every answer
 * is checked against the WebhookResponse schema (an invalid one throws, naming the field).
 *
 *   const client = testClient(app);
 *   const reply = await client.send(cxRequest('order.status').params({ customer_id: '12345' }));
 *   expect(reply.text).toContain('A-1003');
 */
export class TestClient {
  private readonly target: ReplayTarget;
  private readonly headers: Record<string, string>;
  private readonly sent: SentRequest[] = [];

  constructor(
    readonly app: TestableApp,
    options: { auth?: ReplayAuth; headers?: Record<string, string> } = {},
  ) {
    this.target = appTarget(app, options.auth);
    this.headers = { 'content-type': 'application/json', ...options.headers };
  }

  /** One turn on its own: nothing is carried from earlier sends. */
  send(request: RequestInput): Promise<Reply> {
    return this.exchange(toRequest(request));
  }

  /**
   * Calls one of the app's endpoints (`app.endpoint()`), as HTTP would reach it. An answer the
   * endpoint's response schema refuses throws ERR_INVALID_RESPONSE naming the field, as a
   * webhook answer does; any other status comes back in the reply.
   *
   *   const reply = await client.call({ method: 'GET', path: '/orders/A-1003' });
   *   expect(reply.body).toEqual({ number: 'A-1003', status: 'preparing' });
   */
  async call(request: EndpointRequest): Promise<EndpointReply> {
    if (this.target.call === undefined) throw new InvalidArgumentError('This test client cannot call endpoints.');
    const reply = toEndpointReply(await this.target.call(request, this.headers));
    if (reply.error?.code === 'ERR_INVALID_RESPONSE') {
      const relayed = new InvalidResponseError('', reply.error.path ?? '');
      relayed.message = reply.error.message; // the app's own words, which name the endpoint and the field
      throw relayed;
    }
    return reply;
  }

  /** A conversation: each send carries the session state of the earlier answers, as Dialogflow does. */
  conversation(): Conversation {
    return new Conversation((request) => this.exchange(request));
  }

  /** Sends a request exactly as given and reads the answer (used by conversations after carrying state). */
  async exchange(request: JsonObject): Promise<Reply> {
    const dialect = detectDialect(request);
    this.sent.push({ dialect, request });
    const result = await this.target.send(JSON.stringify(request), this.headers);
    if (result.status === 200) {
      const check = validateSchema(dialect, 'response', JSON.parse(result.body), this.app.options.schemaVersions[dialect]);
      if (!check.ok) {
        throw new InvalidResponseError(`${formatIssues(check.issues)} (the app answered: ${result.body.slice(0, 2000)})`, check.issues[0]!.path);
      }
    }
    return toReply(dialect, request, result, this.target.sessionContext);
  }

  /**
   * Which webhook call sites of `agent` the requests sent so far exercise (CX: the same tag from
   * one of the site's pages; ES: the same intent), as `fulfiller replay --coverage` counts them.
   *
   *   expect(client.coverage(await readAgent('agent/cx')).percent).toBe(100);
   */
  coverage(agent: AgentModel, options: { webhooks?: readonly string[] } = {}): CoverageReport {
    return agentCoverage(agent, this.sent, options);
  }
}

/** Turns sent one after the other in one session. */
export class Conversation {
  private simulator: SessionSimulator | undefined;
  private readonly sent: Reply[] = [];

  constructor(private readonly exchange: (request: JsonObject) => Promise<Reply>) {}

  /** Sends the next turn, with the session parameters (CX) or contexts (ES) the earlier answers left. */
  async send(input: RequestInput): Promise<Reply> {
    const request = toRequest(input);
    this.simulator ??= new SessionSimulator(detectDialect(request));
    const prepared = this.simulator.prepare(request);
    const reply = await this.exchange(prepared);
    this.simulator.apply(prepared, reply.status === 200 ? reply.body : undefined);
    this.sent.push(reply);
    return reply;
  }

  /** The session as the next turn will see it. */
  get state(): SessionState {
    return this.simulator?.state ?? { session: undefined, params: {}, contexts: [] };
  }

  get replies(): readonly Reply[] {
    return this.sent;
  }
}

/** A client for an app. */
export function testClient(app: TestableApp, options?: { auth?: ReplayAuth; headers?: Record<string, string> }): TestClient {
  return new TestClient(app, options);
}

/** A client for an app module, loaded as `fulfiller serve` loads it (test mode, no environment unless given). */
export async function loadTestClient(file: string, options: FulfillerSettings = {}): Promise<TestClient> {
  return new TestClient(await loadApp(file, { mode: 'test', env: {}, ...options }));
}

/** Throws an error listing what does not hold when `reply` does not meet `expectation` (fixture syntax). */
export function expectReply(reply: Reply, expectation: Expectation): void {
  const mismatches = checkExpectation(expectation, reply);
  if (mismatches.length === 0) return;
  throw new ExpectationError(mismatches.flatMap((m) => describeMismatch(m, '  ')).join('\n'));
}
