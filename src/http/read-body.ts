import type { Readable } from 'node:stream';
import { BodyTooLargeError, RequestIncompleteError } from '../errors.js';

/**
 * Buffers a request body, refusing it as soon as it passes `limit` bytes, so an oversized body
 * is never held in memory whole. A body cut off before its end (the client went away, or the
 * server's request timeout answered 408 and closed the connection) is ERR_REQUEST_INCOMPLETE:
 * counted as refused, not an internal error.
 */
export function readBody(stream: Readable, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // The error listener stays after the end: no data comes then, and a late error must still find one.
    const cleanup = (): void => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('close', onClose);
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
    const onEnd = (): void => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (cause: unknown): void => {
      cleanup();
      reject(new RequestIncompleteError(cause));
    };
    const onClose = (): void => onError(undefined);
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
