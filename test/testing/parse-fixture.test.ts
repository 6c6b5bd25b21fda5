import { InvalidFixtureError } from '../../src/index.js';
import { parseFixture } from '../../src/testing/parse-fixture.js';

const CX = { detectIntentResponseId: 'r', fulfillmentInfo: { tag: 'order.status' }, sessionInfo: { parameters: { customer_id: '12345' } } };
const ES = { responseId: 'r', queryResult: { intent: { displayName: 'order.status' } } };

function mistake(document: unknown, sibling?: unknown): string {
  try {
    parseFixture(document, 'f.json', sibling === undefined ? undefined : { file: 'f.expect.json', document: sibling });
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFixtureError);
    expect((error as InvalidFixtureError).code).toBe('ERR_INVALID_FIXTURE');
    return (error as Error).message;
  }
  throw new Error('the fixture was accepted');
}

describe('parseFixture', () => {
  it('takes a plain WebhookRequest as a fixture of one turn with no expectation', () => {
    const fixture = parseFixture(CX, 'f.json');
    expect(fixture).toMatchObject({ kind: 'plain', dialect: 'cx', headers: {}, turns: [{ request: CX }] });
    expect(fixture.turns[0]!.expect).toBeUndefined();
  });

  it("takes a plain request's expectation from its sibling file", () => {
    const fixture = parseFixture(ES, 'f.json', { file: 'f.expect.json', document: { texts: ['hi'] } });
    expect(fixture.turns[0]!.expect).toEqual({ texts: ['hi'] });
    expect(fixture.document).toEqual({ texts: ['hi'] });
    expect(mistake(ES, { text: ['hi'] })).toBe('f.expect.json: text: is not an expectation: did you mean "texts"?');
  });

  it('reads one turn with headers, expectation and pacing', () => {
    const fixture = parseFixture(
      { name: 'n', headers: { 'X-Tenant': 'a' }, request: CX, expect: { status: 200, params: { a: null } }, waitMs: 5, retryMs: 100 },
      'f.json',
    );
    expect(fixture).toMatchObject({ kind: 'fixture', name: 'n', headers: { 'x-tenant': 'a' } });
    expect(fixture.turns).toEqual([{ request: CX, expect: { status: 200, params: { a: null } }, waitMs: 5, retryMs: 100 }]);
  });

  it('reads a conversation, where later turns may leave out what the session carries', () => {
    const fixture = parseFixture(
      {
        turns: [
          { request: CX, capture: { n: 'R-(\\d+)' } },
          { name: 'second', request: { fulfillmentInfo: { tag: 'x' }, text: '{{n}}' }, expect: { textContains: '{{n}}' } },
        ],
      },
      'f.json',
    );
    expect(fixture.turns).toHaveLength(2);
    expect(fixture.turns[1]!.name).toBe('second');
  });

  it('lets an expectation use what its own turn captures, but not a request', () => {
    expect(parseFixture({ request: CX, capture: { n: 'R-\\d+' }, expect: { params: { r: '{{n}}' } } }, 'f.json').turns).toHaveLength(1);
    expect(mistake({ turns: [{ request: { ...CX, text: '{{n}}' }, capture: { n: 'x' } }] })).toBe(
      'f.json: turns[0]: uses {{n}}, which no earlier turn captures',
    );
    expect(mistake({ turns: [{ request: CX, expect: { texts: ['{{m}}'] } }] })).toBe(
      'f.json: turns[0].expect: uses {{m}}, which neither this turn nor an earlier one captures',
    );
  });

  it('checks every request against its schema and names the field', () => {
    expect(mistake({ request: { ...CX, languageCode: 5 } })).toMatch(/^f\.json: request\.languageCode: .* \(CX WebhookRequest schema\)$/);
    expect(mistake({ turns: [{ request: CX }, { request: { queryResult: { outputContexts: [{ lifespanCount: 2.5 }] } } }] })).toMatch(
      /^f\.json: turns\[1\]\.request: is an ES request, but the conversation is CX$/,
    );
    expect(mistake({ request: { hello: 1 } })).toMatch(/^f\.json: request: is neither a CX request/);
  });

  it('refuses what is not part of the format, with a hint', () => {
    expect(mistake([CX])).toMatch(/^f\.json: a fixture is a JSON object/);
    expect(mistake({ request: CX, expects: {} })).toBe('f.json: expects: is not part of the fixture format: did you mean "expect"?');
    expect(mistake({ turns: [] })).toBe('f.json: turns: must be a non-empty list of turns');
    expect(mistake({ turns: [{ expect: {} }] })).toBe('f.json: turns[0].request: is required: the WebhookRequest of this turn');
    expect(mistake({ request: CX, retryMs: -1 })).toBe('f.json: retryMs: must be a whole number from 0 to 600000');
    expect(mistake({ request: CX, headers: { a: 1 } })).toBe('f.json: headers.a: must be a string');
  });

  it('checks expectations for their dialect', () => {
    expect(mistake({ request: ES, expect: { targetPage: 'x' } })).toBe('f.json: expect.targetPage: is for CX answers; this is an ES fixture');
    expect(mistake({ request: CX, expect: { contexts: {} } })).toBe('f.json: expect.contexts: is for ES answers; this is a CX fixture');
    expect(mistake({ request: CX, expect: { form: { a: 'VALID' } } })).toBe('f.json: expect.form.a: must be one of EMPTY, INVALID, FILLED');
    expect(mistake({ request: CX, expect: { textMatches: ['ok', '('] } })).toMatch(/^f\.json: expect\.textMatches\[1\]: is not a regular expression/);
    expect(mistake({ request: ES, expect: { contexts: { a: { lifespan: 2 } } } })).toBe(
      'f.json: expect.contexts.a.lifespan: is not lifespanCount or parameters',
    );
    expect(mistake({ request: CX, expect: { response: { fulfillmentResponse: { messages: [{ text: { text: 'hi' } }] } } } })).toMatch(
      /^f\.json: expect\.response\.fulfillmentResponse\.messages\[0\]\.text\.text: .*a snapshot must be a valid WebhookResponse/,
    );
  });

  it('reads how a recording was masked', () => {
    expect(parseFixture({ request: CX, redact: true }, 'f.json').redact).toEqual({});
    expect(parseFixture({ request: CX, redact: { phones: false, params: ['account_id'] } }, 'f.json').redact).toEqual({
      phones: false,
      params: ['account_id'],
    });
    expect(mistake({ request: CX, redact: { phone: false } })).toBe('f.json: redact.phone: is not part of the fixture format: did you mean "phones"?');
  });
});
