import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { errorCode, freePort, post, waitUntilUp } from '../support/http.js';
import { checkBody, textsOf } from '../support/responses.js';
import { cxRequest, esRequest } from '../../src/testing/index.js';

const require = createRequire(import.meta.url);
// The package exports only its API; its CLI entry sits next to it.
const frameworkMain = join(dirname(require.resolve('@google-cloud/functions-framework')), 'main.js');

describe('Cloud Functions adapter under the real Functions Framework', () => {
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}/`;
    let output = '';
    child = spawn(
      process.execPath,
      ['--import', 'tsx', frameworkMain, '--target=webhook', '--source=test/integration/fixtures/cloud-function.ts', `--port=${port}`],
      { env: { ...process.env, NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitUntilUp(url, child, () => output);
  }, 30_000);

  afterAll(() => {
    child.kill('SIGTERM');
  });

  it('answers CX and ES requests, using the raw body the framework kept', async () => {
    const cx = await post(url, cxRequest('hello').build());
    expect(cx.status).toBe(200);
    expect(textsOf(checkBody('cx', cx.text) as object)).toEqual(['Hello from cx on Cloud Functions']);
    const es = await post(url, esRequest('hello').build());
    expect(textsOf(checkBody('es', es.text) as object)).toEqual(['Hello from es on Cloud Functions']);
  });

  it('applies the same error table: 400, 415, 405', async () => {
    const malformed = await post(url, '{"queryResult": [');
    expect(malformed.status).toBe(400);
    const wrongType = await post(url, { ...cxRequest('hello').build(), fulfillmentInfo: { tag: [] } });
    expect(wrongType.status).toBe(400);
    expect(errorCode(wrongType)).toBe('ERR_INVALID_REQUEST');
    const text = await post(url, 'hi', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    const get = await fetch(url);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});
