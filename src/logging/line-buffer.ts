import { writeSync } from 'node:fs';

const MAX_PENDING = 64 * 1024;
const buffers = new Map<number, LineBuffer>();

/**
 * The log destination for a file descriptor, shared by every logger writing to it: lines are
 * gathered during an event-loop turn and written with one system call at its end, or sooner
 * when 64 KiB are waiting, and at once when the process exits. One write per line cost a
 * system call per request; one per turn costs a fraction of that under load and keeps the same
 * order. A process killed outright (SIGKILL) loses the lines of its last loop turn.
 */
export function lineBufferFor(fd: number): LineBuffer {
  let buffer = buffers.get(fd);
  if (buffer === undefined) {
    buffer = new LineBuffer(fd);
    buffers.set(fd, buffer);
    if (buffers.size === 1) process.on('exit', flushAll);
  }
  return buffer;
}

/** A destination for whole lines. */
export class LineBuffer {
  private lines: string[] = [];
  private size = 0;

  constructor(private readonly fd: number) {}

  write(line: string): boolean {
    if (this.lines.length === 0) setImmediate(this.flush);
    this.lines.push(line);
    this.size += line.length;
    if (this.size >= MAX_PENDING) this.flush();
    return true;
  }

  /** Writes what is waiting, now. */
  readonly flush = (): void => {
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.lines = [];
    this.size = 0;
    writeFully(this.fd, text);
  };
}

function flushAll(): void {
  for (const buffer of buffers.values()) buffer.flush();
}

/**
 * Writes the text, retrying a pipe that is full for now; gives up quietly on one that is gone
 * (a logger must not crash the server). The text goes as it is (node encodes it on the way,
 * cheaper than making a Buffer of it first); only what a full pipe left unwritten becomes bytes.
 */
function writeFully(fd: number, text: string): void {
  let bytes: Buffer | undefined;
  let offset = 0;
  let waits = 0;
  for (;;) {
    try {
      if (bytes === undefined) {
        const written = writeSync(fd, text);
        const length = Buffer.byteLength(text);
        if (written >= length) return;
        bytes = Buffer.from(text, 'utf8');
        offset = written;
      } else {
        offset += writeSync(fd, bytes, offset);
        if (offset >= bytes.length) return;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN' || ++waits > 1000) return;
      Atomics.wait(PAUSE, 0, 0, 1); // 1 ms, then try again
    }
  }
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
