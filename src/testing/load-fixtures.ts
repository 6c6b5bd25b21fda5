import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { FulfillerError, InvalidFixtureError } from '../errors.js';
import type { EndpointFixture } from './endpoint-fixture.js';
import type { Fixture } from './fixture.js';
import { parseAnyFixture } from './parse-fixture.js';

/** A fixture file as loaded: the fixture, or why it could not be used. */
export type LoadedFixture = { file: string; fixture: Fixture | EndpointFixture } | { file: string; error: FulfillerError };

/** Where the expectation of a plain request file lives: `order.json` → `order.expect.json`. */
export function expectFileOf(file: string): string {
  return file.replace(/(\.json)?$/, '.expect.json');
}

/**
 * Reads and checks the fixtures at `paths`: files as given, directories recursively (every
 * `.json` file except the `.expect.json` files next to plain requests), in name order.
 */
export async function loadFixtures(paths: readonly string[]): Promise<LoadedFixture[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      const entries = await readdir(path, { recursive: true });
      const wanted = entries.filter((e) => e.endsWith('.json') && !e.endsWith('.expect.json') && !/(^|[/\\])(node_modules|\.[^/\\]+)[/\\]/.test(e));
      files.push(...wanted.sort().map((e) => join(path, e)));
    } else {
      files.push(path); // a missing file is reported when it is read
    }
  }
  return Promise.all(files.map(loadFixture));
}

/** Reads one fixture file (and the expectation next to it, for a plain request). */
export async function loadFixture(file: string): Promise<LoadedFixture> {
  try {
    const document = parseJson(file, (await readText(file, false))!);
    const siblingFile = expectFileOf(file);
    const siblingText = await readText(siblingFile, true);
    const sibling = siblingText === undefined ? undefined : { file: siblingFile, document: parseJson(siblingFile, siblingText) };
    return { file, fixture: parseAnyFixture(document, file, sibling) };
  } catch (error) {
    if (error instanceof FulfillerError) return { file, error };
    throw error;
  }
}

/** The file's text; undefined for a missing optional file. */
async function readText(file: string, optional: boolean): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const missing = (error as { code?: unknown }).code === 'ENOENT';
    if (missing && optional) return undefined;
    throw new InvalidFixtureError(file, '', missing ? 'no such file' : `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InvalidFixtureError(file, '', `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}
