import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fulfiller, FulfillerOptions } from '../../src/index.js';
import { lintAgent, readAgent, type AgentModel, type LintOptions } from '../../src/testing/index.js';
import { testApp } from '../support/app.js';
import { tempDir } from '../testing/support/sample.js';
import { entriesOf, zipOf, type ZipEntries } from '../agent/support/zip.js';

export const CX_SMALL = 'test/agent/fixtures/cx-small';
export const ES_SMALL = 'test/agent/fixtures/es-small';

/** The small CX fixture with some files replaced (paths under `agent/`), read from a zip. */
export async function cxVariant(change: (entries: ZipEntries) => void): Promise<AgentModel> {
  const entries = entriesOf(CX_SMALL);
  change(entries);
  const file = join(tempDir('fulfiller-lint-'), 'agent.zip');
  writeFileSync(file, zipOf(entries));
  return readAgent(file);
}

/** Changes one JSON file of a variant. */
export function edit(entries: ZipEntries, path: string, change: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(
    Buffer.from(entries[path]!)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  ) as Record<string, unknown>;
  change(json);
  entries[path] = JSON.stringify(json);
}

/** A test app with the given routes registered by `setup`. */
export function app(setup: (app: Fulfiller) => void = () => {}, options: FulfillerOptions = {}): Fulfiller {
  const made = testApp(options).app;
  setup(made);
  return made;
}

/** The findings as `rule path` lines, in report order. */
export function findingsOf(agent: AgentModel, fulfiller: Fulfiller, options: LintOptions = {}): string[] {
  return lintAgent(agent, fulfiller.describe(), options).findings.map((f) => `${f.rule} ${f.location.path}`);
}

/** Handles every tag of the small CX fixture, and checks the basic auth its webhook sends. */
export function fullCxApp(options: FulfillerOptions = {}): Fulfiller {
  return app(
    (a) => {
      for (const tag of ['order.status', 'return.create', 'customer.validate', 'help']) a.tag(tag, () => {});
    },
    { env: { FULFILLER_BASIC_AUTH: 'shop:pass' }, ...options },
  );
}
