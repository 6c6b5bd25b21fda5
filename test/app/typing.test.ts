import { compileSnippets } from '../support/compile.js';

/**
 * The app's one typing design, as the compiler sees it: `tag` handlers get the CX turn and
 * `action` handlers the ES turn; intents and middleware the union; an app typed with an agent's
 * names (`createFulfiller<Agent>()`, what `fulfiller types` generates) refuses names the agent
 * does not have, and says which it does.
 */
const AGENT = `
import { createFulfiller, type AppTypes } from 'dialogflow-fulfiller';
interface Agent extends AppTypes {
  tag: 'order.status' | 'return.create';
  intent: 'Order Status';
  flow: 'Default Start Flow' | 'Returns';
  page: { 'Default Start Flow': 'Order Status' | 'Confirm'; Returns: 'Start Return' };
  params: { customer_id: string; count: number };
}
const app = createFulfiller<Agent>();
`;

const results = compileSnippets({
  untypedDialects: `
    import { createFulfiller, type Handler } from 'dialogflow-fulfiller';
    const app = createFulfiller();
    app.tag('x', (turn) => { turn.form.invalidate('a'); turn.transition({ page: 'p' }); turn.transition({ flow: 'f' }); });
    app.action('x', (turn) => { turn.contexts.set('c', { lifespan: 1 }); turn.followupEvent('e'); });
    app.intent('x', (turn) => { if (turn.platform === 'cx') turn.form.clear('a'); else turn.contexts.delete('c'); });
    const both: Handler = (turn) => void turn.say(turn.platform);
    app.tag('a', both).intent('a', both).action('a', both).use(both).fallback(both);
    app.tag(/^order\\./, (turn) => void turn.say(turn.tag ?? ''));
    app.tag((value, turn) => value.startsWith('x') && turn.form.has('a'), (turn) => void turn.say('x'));
    app.tag('y', { deadlineMs: 8000 }, (turn) => void turn.say('slow'));
    app.intent('z', async (turn) => {
      const n: number | undefined = turn.params.get<number>('count');
      const anything = turn.params.get('whatever');
      turn.params.set('anything', { nested: [1, 'two'] });
      turn.say(String(n) + JSON.stringify(anything ?? null));
    });
  `,
  tagTurnHasNoContexts: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    createFulfiller().tag('x', (turn) => void turn.contexts);
  `,
  actionTurnHasNoForm: `
    import { createFulfiller } from 'dialogflow-fulfiller';
    createFulfiller().action('x', (turn) => void turn.form);
  `,
  typedGood: `${AGENT}
    app.tag('order.status', (turn) => {
      const id: string | undefined = turn.params.get('customer_id');
      const count: number | undefined = turn.params.get('count');
      turn.params.set('count', (count ?? 0) + 1);
      turn.transition({ page: 'Confirm' });
      turn.transition({ flow: 'Returns', page: 'Start Return' });
      turn.transition({ flow: 'Returns' });
      turn.transition({ page: 'END_SESSION' });
      turn.say(id ?? '?');
    });
    app.tag(/^return\\./, (turn) => void turn.say('returns'));
    app.intent('Order Status', (turn) => void turn.say('by intent'));
  `,
  typedTagTypo: `${AGENT}
    app.tag('ordr.status', (turn) => void turn.say('x'));
  `,
  typedParamTypo: `${AGENT}
    app.tag('order.status', (turn) => void turn.params.get('customr_id'));
  `,
  typedParamValue: `${AGENT}
    app.tag('order.status', (turn) => void turn.params.set('count', 'three'));
  `,
  typedPageTypo: `${AGENT}
    app.tag('order.status', (turn) => void turn.transition({ page: 'Nope' }));
  `,
  typedPageOfOtherFlow: `${AGENT}
    app.tag('order.status', (turn) => void turn.transition({ flow: 'Returns', page: 'Confirm' }));
  `,
});

describe('the typing of an app', () => {
  it('gives tag handlers the CX turn, action handlers the ES turn, intents the union; untyped names are free', () => {
    expect(results.untypedDialects).toEqual([]);
    expect(results.tagTurnHasNoContexts!.join('\n')).toMatch(/Property 'contexts' does not exist on type 'CxTurn/);
    expect(results.actionTurnHasNoForm!.join('\n')).toMatch(/Property 'form' does not exist on type 'EsTurn/);
  });

  it("takes a typed app's own names and types its parameters", () => {
    expect(results.typedGood).toEqual([]);
  });

  it('refuses a tag the agent does not have, naming the ones it has', () => {
    expect(results.typedTagTypo!.join('\n')).toMatch(/"ordr\.status"[\s\S]*"order\.status" \| "return\.create"/);
  });

  it('refuses a parameter the agent does not have, and a value of the wrong type', () => {
    expect(results.typedParamTypo!.join('\n')).toMatch(/"customr_id"[\s\S]*parameter of type '"(count|customer_id)" \| "(count|customer_id)"'/);
    expect(results.typedParamValue!.join('\n')).toMatch(/'string' is not assignable to parameter of type 'number'/);
  });

  it('refuses a page the agent does not have, and a page of another flow', () => {
    expect(results.typedPageTypo!.join('\n')).toMatch(/"Nope"/);
    expect(results.typedPageOfOtherFlow!.join('\n')).toMatch(/"Confirm"/);
  });
});
