import { AgentJsonError } from '../errors.js';
import type { JsonValue } from '../generated/types.js';
import { jsonErrorPosition, lineAndColumn } from './json-error-position.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of an export file: UTF-8, or UTF-16 where a byte-order mark says so (editors on
 * Windows save that way); the BOM itself is dropped.
 */
export function decodeExportText(file: string, bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    return stripBom(utf8.decode(bytes));
  } catch {
    throw new AgentJsonError(file, '', 'the file is not UTF-8 text');
  }
}

/** Parses one JSON file of an export; a mistake is reported with its line and column, never with the text around it. */
export function parseExportJson(file: string, text: string): JsonValue {
  const json = stripBom(text);
  try {
    return JSON.parse(json) as JsonValue;
  } catch (error) {
    if (json.trim() === '') throw new AgentJsonError(file, '', 'the file is empty, where a JSON document was expected');
    const message = error instanceof Error ? error.message : '';
    const offset = Math.max(0, jsonErrorPosition(json, message));
    const { line, column } = lineAndColumn(json, offset);
    const char = json[offset];
    const what =
      offset >= json.length
        ? 'the JSON ends too early (is the file cut off?)'
        : `not valid JSON${char !== undefined && '{}[],:"'.includes(char) ? ` at "${char}"` : ''}`;
    throw new AgentJsonError(file, `:${line}:${column}`, what);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
