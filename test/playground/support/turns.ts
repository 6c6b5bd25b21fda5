import type { JsonMap, PastTurn, TurnInput, TurnView } from '../../../src/playground/view.js';
import { checkBody } from '../../support/responses.js';
import { api, type Playground } from './playground.js';

/** A conversation driven through the playground's API, as the page drives it. */
export class ApiConversation {
  readonly turns: TurnView[] = [];
  constructor(
    private readonly play: Playground,
    readonly dialect: 'cx' | 'es',
    readonly session = `api-${Math.random().toString(36).slice(2, 8)}`,
  ) {}

  /** Sends one turn; every WebhookResponse that comes back is checked against the schema. */
  async send(input: Partial<TurnInput> & { params?: JsonMap }): Promise<TurnView> {
    const full: TurnInput = { dialect: this.dialect, languageCode: 'en', session: this.session, params: {}, ...input };
    const { status, body } = await api<TurnView>(this.play, '/api/turn', { input: full, history: this.history });
    if (status !== 200) throw new Error(`the playground answered ${status}: ${JSON.stringify(body)}`);
    if (body.response !== null) checkBody(this.dialect, JSON.stringify(body.response));
    this.turns.push(body);
    return body;
  }

  get history(): PastTurn[] {
    return this.turns
      .filter((t) => t.response !== null || t.rawBody !== undefined)
      .map((t) => ({ own: t.own, sent: t.sent, status: t.status, response: t.response }));
  }
}

/** The texts of a turn's chat, as the user reads them. */
export function chatTexts(view: TurnView): string[] {
  return view.chat.flatMap((item) => (item.kind === 'text' ? [item.text] : []));
}
