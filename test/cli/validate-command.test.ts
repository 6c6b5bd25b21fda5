import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommandLine } from '../../src/cli/run-cli.js';

/** `fulfiller validate …` in process: its exit code, and what it printed (stdout, then stderr). */
async function run(args: string[]): Promise<{ code: unknown; lines: string[] }> {
  const lines: string[] = [];
  const errors: string[] = [];
  const code = await runCommandLine(['validate', ...args], { env: {}, out: (line) => lines.push(line), err: (line) => errors.push(...line.split('\n')) });
  return { code, lines: [...lines, ...errors] };
}

describe('fulfiller validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fulfiller-validate-'));
  const good = join(dir, 'good.json');
  const bad = join(dir, 'bad.json');
  const notJson = join(dir, 'broken.json');
  writeFileSync(good, JSON.stringify({ fulfillmentResponse: { messages: [{ text: { text: ['hi'] } }] } }));
  writeFileSync(bad, JSON.stringify({ fulfillmentResponse: { messages: [{ text: { text: 'hi' } }] }, sessionInfo: { parameters: { a: null } } }));
  writeFileSync(notJson, '{');
  mkdirSync(join(dir, 'nested'));
  writeFileSync(join(dir, 'nested', 'also-good.json'), '{}');

  it('exits 0 when every file is valid', async () => {
    const { code, lines } = await run(['cx', 'response', good, join(dir, 'nested')]);
    expect(code).toBe(0);
    expect(lines.at(-1)).toBe('2 of 2 valid as CX WebhookResponse');
  });

  it('exits 1 with the failing field path of each invalid file', async () => {
    const { code, lines } = await run(['cx', 'response', good, bad, notJson]);
    expect(code).toBe(1);
    expect(lines).toContain(`invalid ${bad}`);
    expect(lines.find((l) => l.includes('fulfillmentResponse.messages[0].text.text:'))).toBeDefined();
    expect(lines).toContain(`invalid ${notJson}`);
    expect(lines.at(-1)).toBe('1 of 3 valid as CX WebhookResponse');
  });

  it('checks requests leniently and ES documents by their own schema', async () => {
    const request = join(dir, 'req.json');
    writeFileSync(request, JSON.stringify({ responseId: 'r', queryResult: { queryText: 'hi', undocumented: 1 } }));
    expect((await run(['es', 'request', request])).code).toBe(0);
    expect((await run(['es', 'response', request])).code).toBe(1);
  });

  it('checks the beta versions when asked: cx3beta1 and es2beta1', async () => {
    const telephony = join(dir, 'telephony.json');
    writeFileSync(
      telephony,
      JSON.stringify({ endInteraction: true, fulfillmentMessages: [{ telephonyTransferCall: { phoneNumber: '+15551234567' }, platform: 'TELEPHONY' }] }),
    );
    expect(await run(['es2beta1', 'response', telephony])).toEqual({ code: 0, lines: [`ok      ${telephony}`, '1 of 1 valid as ES v2beta1 WebhookResponse'] });
    expect((await run(['es', 'response', telephony])).code).toBe(1);
    const responseType = join(dir, 'response-type.json');
    writeFileSync(responseType, JSON.stringify({ fulfillmentResponse: { messages: [{ text: { text: ['a'] }, responseType: 'ENTRY_PROMPT' }] } }));
    expect((await run(['cx', 'response', responseType])).code).toBe(0);
    const { code, lines } = await run(['cx3beta1', 'response', responseType]);
    expect(code).toBe(1);
    expect(lines[1]).toMatch(/^ {4}fulfillmentResponse\.messages\[0\]\.responseType: unknown field "responseType"/);
    expect(lines.at(-1)).toBe('0 of 1 valid as CX v3beta1 WebhookResponse');
  });

  it('names each output-only field of a response with what to do instead', async () => {
    const ending = join(dir, 'ending.json');
    writeFileSync(ending, JSON.stringify({ fulfillmentResponse: { messages: [{ text: { text: ['Bye'] } }, { endInteraction: {} }] } }));
    for (const schema of ['cx', 'cx3beta1']) {
      const { code, lines } = await run([schema, 'response', ending]);
      expect(code).toBe(1);
      expect(lines[1]).toMatch(
        /^ {4}fulfillmentResponse\.messages\[1\]\.endInteraction: endInteraction is output only: .* turn\.transition\(\{ page: 'END_SESSION' \}\)\.$/,
      );
    }
  });

  it('exits 2 with what is wrong and the usage on wrong arguments', async () => {
    expect(await run(['dx', 'response', good])).toEqual({
      code: 2,
      lines: [
        'fulfiller validate: "dx" is not a schema: cx, es, cx3beta1 or es2beta1',
        'usage: fulfiller validate <cx|es|cx3beta1|es2beta1> <request|response> FILE|DIR...',
        '(fulfiller validate --help lists the options)',
      ],
    });
    expect((await run(['cx3', 'response', good])).code).toBe(2);
    expect((await run(['constructor', 'response', good])).code).toBe(2);
    expect((await run(['cx', 'reply', good])).lines[0]).toBe('fulfiller validate: the second argument is request or response, not "reply"');
    expect((await run(['cx', 'response'])).lines[0]).toBe('fulfiller validate: give at least one JSON file or directory');
  });

  it('exits 2 when a file or directory cannot be read, 1 when one is not JSON', async () => {
    const missing = join(dir, 'missing.json');
    expect(await run(['cx', 'response', good, missing])).toEqual({
      code: 2,
      lines: [`fulfiller validate: Cannot read ${missing}: no such file or directory.`],
    });
    const { code, lines } = await run(['cx', 'response', notJson]);
    expect(code).toBe(1);
    expect(lines[1]).toMatch(/^ {4}\(file\) not JSON: /);
  });
});
