import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lineBufferFor } from '../../src/logging/line-buffer.js';
import { runNodeScript } from '../support/node-script.js';

const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('lineBufferFor', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'line-buffer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the lines of a loop turn at its end, in order', async () => {
    const file = join(dir, 'log');
    const fd = openSync(file, 'w');
    try {
      const buffer = lineBufferFor(fd);
      expect(lineBufferFor(fd)).toBe(buffer); // one buffer per descriptor, shared by every logger
      buffer.write('{"n":1}\n');
      buffer.write('{"n":2}\n');
      expect(readFileSync(file, 'utf8')).toBe('');
      await endOfTurn();
      expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n');
      buffer.write('{"n":3}\n');
      await endOfTurn();
      expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":2}\n{"n":3}\n');
    } finally {
      closeSync(fd);
    }
  });

  it('writes at once when 64 KiB are waiting, and on flush', async () => {
    const file = join(dir, 'log');
    const fd = openSync(file, 'w');
    try {
      const buffer = lineBufferFor(fd);
      const line = `${'x'.repeat(1023)}\n`;
      for (let i = 0; i < 64; i++) buffer.write(line);
      expect(readFileSync(file, 'utf8')).toHaveLength(64 * 1024);
      buffer.write('tail\n');
      buffer.flush();
      expect(readFileSync(file, 'utf8').endsWith('tail\n')).toBe(true);
    } finally {
      closeSync(fd);
    }
  });

  it('loses no line when the process exits in the middle of a turn', () => {
    const module = join(process.cwd(), 'dist/lib/index.js');
    const script = `
      const { createFulfiller } = await import(${JSON.stringify(module)});
      const app = createFulfiller();
      for (let i = 0; i < 500; i++) app.options.logger.info({ i }, 'line');
      process.exit(3);`;
    const run = runNodeScript(script, { env: { LOG_LEVEL: 'info' } });
    expect(run.status).toBe(3);
    const numbers = run.stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { i: number }).i);
    expect(numbers).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('loses nothing on a pipe that fills up (non-blocking stdout), multi-byte text included', () => {
    const module = join(process.cwd(), 'dist/lib/index.js');
    // Touching process.stdout makes node set the pipe non-blocking: full writes then fail with EAGAIN or come back short.
    const script = `
      process.stdout;
      const { createFulfiller } = await import(${JSON.stringify(module)});
      const app = createFulfiller();
      for (let i = 0; i < 20000; i++) app.options.logger.info({ i, note: 'grüße ✓ 日本語 '.repeat(8) }, 'line');
      process.exit(0);`;
    const run = runNodeScript(script, { env: { LOG_LEVEL: 'info' }, maxBuffer: 64 * 1024 * 1024 });
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { i: number; note: string });
    expect(lines.map((line) => line.i)).toEqual(Array.from({ length: 20000 }, (_, i) => i));
    expect(new Set(lines.map((line) => line.note))).toEqual(new Set(['grüße ✓ 日本語 '.repeat(8)]));
  });
});
