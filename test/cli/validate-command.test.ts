import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCommand } from '../../src/cli/validate-command.js';

function run(args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  return validateCommand(args, (line) => lines.push(line)).then((code) => ({ code, lines }));
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

  it('exits 2 with the usage on wrong arguments', async () => {
    expect((await run(['dx', 'response', good])).code).toBe(2);
    expect((await run(['cx', 'reply', good])).code).toBe(2);
    expect((await run(['cx', 'response'])).lines[0]).toMatch(/^usage/);
  });
});
