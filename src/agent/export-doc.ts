import { AgentFormatError } from '../errors.js';
import type { JsonObject, JsonValue } from '../generated/types.js';
import { isJsonObject } from '../base/json-object.js';
import type { AgentFiles } from './agent-files.js';

/**
 * One JSON file of an export and typed reads of its fields. Unknown fields are fine (exports
 * carry many); a field the model reads with the wrong type is reported with its file and path.
 */
export class ExportDoc {
  private constructor(
    readonly file: string,
    readonly root: JsonObject,
  ) {}

  static read(files: AgentFiles, path: string): ExportDoc {
    const value = files.json(path);
    if (!isJsonObject(value)) throw new AgentFormatError(path, '', 'must hold a JSON object');
    return new ExportDoc(path, value);
  }

  /** The root of a file that holds a list (ES training phrases and entity entries). */
  static list(files: AgentFiles, path: string): JsonObject[] {
    const value = files.json(path);
    if (!Array.isArray(value) || !value.every(isJsonObject)) throw new AgentFormatError(path, '', 'must hold a JSON list of objects');
    return value;
  }

  string(object: JsonObject, key: string, at: string): string | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(at, key, 'must be a string');
    return value as string;
  }

  /** A non-empty string, required. */
  name(object: JsonObject, key: string, at: string): string {
    const value = this.string(object, key, at);
    if (value === undefined || value.trim() === '') this.fail(at, key, 'is missing');
    return value!;
  }

  bool(object: JsonObject, key: string, at: string): boolean {
    const value = object[key];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') this.fail(at, key, 'must be true or false');
    return value as boolean;
  }

  object(object: JsonObject, key: string, at: string): JsonObject | undefined {
    const value = object[key];
    if (value === undefined || value === null) return undefined;
    if (!isJsonObject(value)) this.fail(at, key, 'must be an object');
    return value as JsonObject;
  }

  /** A list of objects; absent is empty. */
  list(object: JsonObject, key: string, at: string): JsonObject[] {
    const value = object[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every(isJsonObject)) this.fail(at, key, 'must be a list of objects');
    return value as JsonObject[];
  }

  strings(object: JsonObject, key: string, at: string): string[] {
    const value = object[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || !value.every((item: JsonValue) => typeof item === 'string')) this.fail(at, key, 'must be a list of strings');
    return value as string[];
  }

  private fail(at: string, key: string, message: string): never {
    throw new AgentFormatError(this.file, at === '' ? key : `${at}.${key}`, message);
  }
}
