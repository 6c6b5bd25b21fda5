import type { JsonValue } from '../../src/index.js';
import { buildDemo, type Demo } from './build-demo.js';
import { DIALECTS, send } from './requests.js';

const TANAKA =
  "You've had 7 interactions with Ichiro Tanaka (Sakura Trading): 3 emails, 2 calls and 2 proposals. " +
  'The latest was an email on 2026-11-25: "Next meeting schedule".';

describe.each(DIALECTS)('crm.interactions (%s)', (dialect) => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  const interactions = async (params: Record<string, JsonValue>): Promise<string> => (await send(demo.app, dialect, { name: 'crm.interactions', params })).text;

  test.each<[string, JsonValue]>([
    ['a surname', 'Tanaka'],
    ['any case', 'tanaka'],
    ['@sys.person', { name: 'Tanaka' }],
    ['a full name', 'Ichiro Tanaka'],
    ['an honorific', 'Mr. Tanaka'],
    ['a Japanese name', '田中さん'],
  ])('summarises the interactions with a contact given as %s', async (_, contact_name) => {
    expect(await interactions({ contact_name })).toBe(TANAKA);
  });

  test('a contact with a single interaction', async () => {
    expect(await interactions({ contact_name: 'Suzuki' })).toBe(
      'You\'ve had 1 interaction with Jiro Suzuki (Aoba Foods): no emails, 1 call and no proposals. The latest was a call on 2026-11-20: "First contact".',
    );
  });

  test('an unknown contact is answered politely, a missing one asked for', async () => {
    expect(await interactions({ contact_name: 'Nobody' })).toBe("I couldn't find a contact named Nobody. Could you check the name?");
    expect(await interactions({})).toBe('Which contact do you mean? Please tell me their name.');
    expect(await interactions({ contact_name: { name: '' } })).toBe('Which contact do you mean? Please tell me their name.');
  });
});

describe.each(DIALECTS)('crm.next_proposal (%s)', (dialect) => {
  let demo: Demo;
  beforeEach(() => {
    demo = buildDemo();
  });
  afterEach(() => demo.db.close());

  const proposal = async (params: Record<string, JsonValue>): Promise<string> => (await send(demo.app, dialect, { name: 'crm.next_proposal', params })).text;

  test("the latest estimate's amount (by date, not by insertion order)", async () => {
    const text = await proposal({ contact_name: { name: 'Tanaka' } });
    expect(text).toBe('The latest estimate for Ichiro Tanaka (Sakura Trading) is 1,200,000 yen: "Warehouse system, phases 1 and 2", sent on 2026-11-17.');
    expect(text).not.toMatch(/900,000|750,000/);
  });

  test('a contact without estimates, an unknown one and a missing one', async () => {
    expect(await proposal({ contact_name: 'Suzuki' })).toBe('There is no estimate for Jiro Suzuki (Aoba Foods) yet.');
    expect(await proposal({ contact_name: 'Nobody' })).toContain("I couldn't find a contact named Nobody");
    expect(await proposal({})).toBe('Which contact do you mean? Please tell me their name.');
  });
});
