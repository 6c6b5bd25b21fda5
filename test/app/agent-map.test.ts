import { createFulfiller, type AgentMap } from '../../src/index.js';
import { CX_TEST_AGENT, cxRequest } from '../../src/testing/index.js';
import { validResponse } from '../support/responses.js';

const START = '00000000-0000-0000-0000-000000000000';
const RETURNS = '7040b57d-9562-5bbc-8b73-3844aae5770f';
const agent: AgentMap = {
  flows: { 'Default Start Flow': START, Returns: RETURNS },
  pages: {
    'Default Start Flow': { 'Order Status': '6fc60a03', 'End Session': 'END_SESSION' },
    Returns: { 'Create Return': '7899f068' },
  },
};

/** The agent map `fulfiller types` generates turns the display names designers use into the ids Dialogflow takes. */
describe('createFulfiller({ agent }): display names to ids', () => {
  const app = createFulfiller({ mode: 'test', env: {}, agent });
  const targets: Record<string, Parameters<import('../../src/index.js').CxTurn['transition']>[0]> = {
    page: { page: 'Order Status' },
    'page of a flow': { flow: 'Returns', page: 'Create Return' },
    flow: { flow: 'Returns' },
    'special page by display name': { page: 'End Session' },
    'special page by id': { page: 'END_SESSION' },
    'page by id': { page: 'some-page-id' },
  };
  app.tag(/.*/, (turn) => void turn.transition(targets[turn.tag!]!));
  const flows = `${CX_TEST_AGENT}/flows`;

  it.each([
    ['page', { targetPage: `${flows}/${START}/pages/6fc60a03` }],
    ['page of a flow', { targetPage: `${flows}/${RETURNS}/pages/7899f068` }],
    ['flow', { targetFlow: `${flows}/${RETURNS}` }],
    ['special page by display name', { targetPage: `${flows}/${START}/pages/END_SESSION` }],
    ['special page by id', { targetPage: `${flows}/${START}/pages/END_SESSION` }],
    ['page by id', { targetPage: `${flows}/${START}/pages/some-page-id` }],
  ])('%s', async (tag, expected) => {
    const request = cxRequest(tag).page(`${flows}/${START}/pages/START_PAGE`, 'Start Page').build();
    expect(validResponse('cx', await app.handle(JSON.stringify(request), { 'content-type': 'application/json' }))).toMatchObject(expected);
  });

  it('refuses a map of the wrong shape when the app is made', () => {
    expect(() => createFulfiller({ env: {}, agent: { flows: { a: 1 } } as unknown as AgentMap })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTION' }),
    );
  });
});
