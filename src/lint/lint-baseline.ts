import { readFile, writeFile } from 'node:fs/promises';
import { LintConfigError } from '../errors.js';
import { builtins } from '../runtime/builtins.js';
import { isJsonObject } from '../base/json-object.js';
import type { LintFinding } from './lint-finding.js';

/** One known finding in a baseline: readable fields, and the fingerprint they hash to. */
export interface BaselineEntry {
  readonly rule: string;
  readonly file: string;
  readonly path: string;
  readonly subject: string;
  readonly fingerprint: string;
}

/**
 * The findings a team has accepted for now: `--baseline FILE` leaves them out of the report
 * (new ones still fail), `--update-baseline` writes the current ones. A finding is known by its
 * rule, file, display path and subject, so it survives edits elsewhere in the export.
 */
export interface LintBaseline {
  readonly fingerprints: ReadonlySet<string>;
}

/** The fingerprint of a finding: stable across runs and machines. */
export function fingerprint(finding: Pick<LintFinding, 'rule' | 'location' | 'subject'>): string {
  const key = [finding.rule, finding.location.file, finding.location.path, finding.subject].join('\u0000');
  return builtins.crypto().createHash('sha256').update(key).digest('hex').slice(0, 20);
}

/** Reads a baseline; a missing file is an empty baseline (the first `--update-baseline` writes it). */
export async function readBaseline(file: string): Promise<LintBaseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { fingerprints: new Set() };
    throw new LintConfigError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new LintConfigError(file, 'is not valid JSON: write it with fulfiller lint --baseline FILE --update-baseline');
  }
  const findings = isJsonObject(data) ? data.findings : undefined;
  if (!Array.isArray(findings) || !findings.every((f) => isJsonObject(f) && typeof f.fingerprint === 'string')) {
    throw new LintConfigError(file, 'is not a lint baseline ({ "findings": [{ "fingerprint", … }] }): write it with --update-baseline');
  }
  return { fingerprints: new Set(findings.map((f) => String((f as { fingerprint: string }).fingerprint))) };
}

/** Writes the baseline of these findings. */
export async function writeBaseline(file: string, findings: readonly LintFinding[]): Promise<void> {
  const entries: BaselineEntry[] = findings.map((f) => ({
    rule: f.rule,
    file: f.location.file,
    path: f.location.path,
    subject: f.subject,
    fingerprint: fingerprint(f),
  }));
  const unique = [...new Map(entries.map((e) => [e.fingerprint, e])).values()];
  const body = { note: 'Findings accepted for now by fulfiller lint --baseline; fix them and run --update-baseline.', findings: unique };
  await writeFile(file, `${JSON.stringify(body, null, 2)}\n`);
}
