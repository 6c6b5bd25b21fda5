import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFulfiller, MemoryLogger, type Fulfiller, type FulfillerOptions } from '../../src/index.js';
import { appTarget, loadFixtures, parseAnyFixture, runFixture, testClient } from '../../src/testing/index.js';
import { runCommandLine } from '../../src/cli/run-cli.js';

/**
 * Endpoint calls as fixtures: recorded by the recorder, read by `loadFixtures`, replayed by
 * `runFixture` and `fulfiller replay` (with `--update`), and called from the test client.
 */
function contactsApp(options: FulfillerOptions = {}): Fulfiller {
  const app = createFulfiller({ mode: 'test', env: {}, logger: new MemoryLogger(), ...options });
  app.endpoint(
    {
      method: 'POST',
      path: '/contacts/{contactId}/notes',
      description: 'Adds a note to a contact.',
      request: { type: 'object', properties: { text: { type: 'string' }, author_name: { type: 'string' } }, required: ['text'] },
      response: {
        type: 'object',
        properties: { contactId: { type: 'string' }, words: { type: 'integer' }, author_name: { type: 'string' } },
        required: ['contactId', 'words'],
      },
      status: 201,
    },
    ({ params, body }) => ({
      contactId: params.contactId,
      words: body.text.split(' ').length,
      ...(body.author_name === undefined ? {} : { author_name: body.author_name }),
    }),
  );
  app.endpoint({ method: 'GET', path: '/broken', description: 'Breaks its schema.', response: { type: 'integer' } }, () => 'x' as never);
  return app;
}

describe('endpoint fixtures', () => {
  it('records an answered endpoint call as a fixture that replays green, personal data masked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'endpoint-record-'));
    const app = contactsApp({ record: { dir } });
    const client = testClient(app);
    const reply = await client.call({
      method: 'POST',
      path: '/contacts/C-7/notes',
      query: { source: 'crm' },
      body: { text: 'call back tomorrow', author_name: 'Ichiro Tanaka' },
    });
    expect(reply.status).toBe(201);
    await app.close();
    const files = readdirSync(join(dir, 'endpoints'));
    expect(files).toHaveLength(1);
    const document = JSON.parse(readFileSync(join(dir, 'endpoints', files[0]!), 'utf8'));
    expect(document).toMatchObject({
      name: 'POST /contacts/{contactId}/notes (recorded)',
      call: { method: 'POST', path: '/contacts/C-7/notes', query: 'source=crm', body: { text: 'call back tomorrow', author_name: '[name]' } },
      expect: { status: 201, body: { contactId: 'C-7', words: 3, author_name: '[name]' } },
    });
    const [loaded] = await loadFixtures([join(dir, 'endpoints')]);
    if (loaded === undefined || 'error' in loaded) throw new Error('the recording did not load');
    const outcome = await runFixture(loaded.fixture, appTarget(contactsApp()));
    expect(outcome.passed).toBe(true);
  });

  it('reports what differs, and --update writes the answer as the expectation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'endpoint-replay-'));
    const file = join(dir, 'note.json');
    writeFileSync(
      file,
      JSON.stringify({ call: { method: 'POST', path: '/contacts/C-1/notes', body: { text: 'one two' } }, expect: { status: 201, bodyContains: { words: 3 } } }),
    );
    const appFile = join(dir, 'app.mjs');
    writeFileSync(
      appFile,
      `export default (app) => app.endpoint({ method: 'POST', path: '/contacts/{contactId}/notes', description: 'x', request: { type: 'object' }, response: { type: 'object' }, status: 201 }, ({ params, body }) => ({ contactId: params.contactId, words: body.text.split(' ').length }));\n`,
    );
    const lines: string[] = [];
    expect(await runCommandLine(['replay', file, '--app', appFile], { env: {}, out: (line) => lines.push(line), err: (line) => lines.push(line) })).toBe(1);
    expect(lines.join('\n')).toMatch(/bodyContains\.words[\s\S]*expected: 3[\s\S]*actual: {3}2/);
    expect(
      await runCommandLine(['replay', file, '--app', appFile, '--update'], { env: {}, out: (line) => lines.push(line), err: (line) => lines.push(line) }),
    ).toBe(0);
    expect(JSON.parse(readFileSync(file, 'utf8')).expect).toEqual({ status: 201, body: { contactId: 'C-1', words: 2 } });
    expect(await runCommandLine(['replay', file, '--app', appFile], { env: {}, out: () => {}, err: () => {} })).toBe(0);
  });

  it('refuses a malformed endpoint fixture, naming the field', () => {
    expect(() => parseAnyFixture({ call: { method: 'FETCH', path: '/x' } }, 'f.json')).toThrow(
      'f.json: call.method: must be one of GET, POST, PUT, PATCH, DELETE',
    );
    expect(() => parseAnyFixture({ call: { method: 'GET', path: 'x' } }, 'f.json')).toThrow('call.path: must start with "/"');
    expect(() => parseAnyFixture({ call: { method: 'GET', path: '/x' }, expect: { stauts: 200 } }, 'f.json')).toThrow(
      /expect\.stauts: .*did you mean "status"/,
    );
  });

  it('throws from the test client when a result breaks its response schema, naming the endpoint', async () => {
    const client = testClient(contactsApp());
    await expect(client.call({ method: 'GET', path: '/broken' })).rejects.toMatchObject({
      code: 'ERR_INVALID_RESPONSE',
      message: expect.stringContaining('GET /broken'),
    });
    const refused = await client.call({ method: 'POST', path: '/contacts/C-1/notes', body: { words: 2 } });
    expect(refused).toMatchObject({ status: 400, error: { code: 'ERR_INVALID_REQUEST', path: 'body.text' } });
  });
});
