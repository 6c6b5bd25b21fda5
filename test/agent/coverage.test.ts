import { cxRequest, esRequest, formatCoverage, readAgent, testClient } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import setupCx from '../lint/apps/cx-small-full.js';

const ORDER_STATUS = '7a1e0c52-0002-4000-8000-000000000001';
const RETURNS = '7a1e0c52-0003-4000-8000-000000000001';

describe('coverage of webhook call sites, from the test client', () => {
  it('CX: a site is covered by a request with its tag from one of the pages it fires on', async () => {
    const agent = await readAgent('test/agent/fixtures/cx-small');
    const { app } = testApp();
    setupCx(app);
    const client = testClient(app);
    await client.send(cxRequest('order.status').page(ORDER_STATUS, 'Order Status'));
    await client.send(cxRequest('order.status').page(ORDER_STATUS, 'Order Status'));
    await client.send(cxRequest('help').page(RETURNS, '> Returns')); // the flow's route group fires on every page
    await client.send(cxRequest('return.create').page(ORDER_STATUS, 'Order Status')); // the wrong page
    await client.send(cxRequest('customer.validate')); // the builder's default page: the start page
    const report = client.coverage(agent);
    expect(report.sites.map(({ site, turns }) => [site.location.path, turns])).toEqual([
      ['Default Start Flow › > Returns › entry', 0],
      ['Default Start Flow › Order Status › route 1', 2],
      ['Default Start Flow › Order Status › form › customer_id › event sys.no-match-default', 0],
      ['Default Start Flow › route group Common › route 1', 1],
    ]);
    expect([report.covered, report.total, report.percent]).toEqual([2, 4, 50]);
    expect(report.unmatched).toEqual([
      `a request: no call site of a served webhook with the tag "return.create" fires on the page 00000000-0000-0000-0000-000000000000/${ORDER_STATUS}`,
      'a request: no call site of a served webhook with the tag "customer.validate" fires on the page 00000000-0000-0000-0000-000000000000/START_PAGE',
    ]);
    expect(formatCoverage(report).slice(0, 3)).toEqual([
      'webhook call sites covered: 2 of 4 (50.0 %)',
      '  MISSING    0  Default Start Flow › > Returns › entry  (tag return.create, webhook shop:orders)',
      '  covered    2  Default Start Flow › Order Status › route 1  (tag order.status, webhook shop:orders)',
    ]);
  });

  it('ES: a site is covered by a request for its intent; conversations count every turn', async () => {
    const agent = await readAgent('test/agent/fixtures/es-small.zip');
    const { app } = testApp();
    app.intent('order.status', (turn) => void turn.say('On its way.'));
    const client = testClient(app);
    expect(client.coverage(agent).percent).toBe(0);
    const conversation = client.conversation();
    await conversation.send(esRequest('order.status'));
    await conversation.send(esRequest('Default Welcome Intent'));
    const report = client.coverage(agent);
    expect([report.covered, report.total, report.percent]).toEqual([1, 1, 100]);
    expect(report.unmatched).toEqual(['a request: the intent "Default Welcome Intent" does not call a served webhook']);
  });
});
