import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cxRequest } from '../../src/testing/index.js';

/**
 * Runs a script with the built package (dist/lib, what users import) in a fresh node and
 * resolves with how it ended. A process still running after `patienceMs` is killed: that is
 * the failure this test exists for, so the margin only has to be long enough to start node.
 */
function runToExit(script: string, patienceMs = 60_000): Promise<{ code: number | null; killed: boolean; stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'listen-close-'));
  writeFileSync(join(dir, 'script.mjs'), script);
  const child = spawn(process.execPath, [join(dir, 'script.mjs')], { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let killed = false;
  const timer = setTimeout(() => {
    killed = true;
    child.kill('SIGKILL');
  }, patienceMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve({ code, killed, stdout, stderr });
    }),
  );
}

describe('await app.listen(0); await app.close() (field report 15)', () => {
  it('lets the process exit by itself, even after a keep-alive call', async () => {
    const run = await runToExit(`
      import { createFulfiller } from '${process.cwd()}/dist/lib/index.js';
      const app = createFulfiller({ env: {}, logger: 'silent' });
      app.tag('hello', (turn) => void turn.say('Hello.'));
      const server = await app.listen(0, '127.0.0.1');
      const res = await fetch('http://127.0.0.1:' + server.address().port + '/webhook', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(JSON.stringify(cxRequest('hello').build()))},
      });
      console.log(res.status, await res.text());
      await app.close();
      console.log('closed', server.listening);
    `);
    expect(run).toMatchObject({ code: 0, killed: false, stderr: '' });
    expect(run.stdout.split('\n')).toEqual([expect.stringMatching(/^200 .*Hello\./), 'closed false', '']);
  }, 90_000);
});
