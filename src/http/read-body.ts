import type { Readable } from 'node:stream';
import { BodyTooLargeError } from '../errors.js';

/**
 * Buffers a request body, refusing it as soon as it passes `limit` bytes, so an oversized body
 * is never held in memory whole.
 */
export function readBody(stream: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        stream.resume(); // drain the rest without keeping it
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    };
    // The listeners stay after the end: no data comes then, and a late error must still find one.
    const onEnd = (): void => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
}
