import { NotAnAgentError } from '../errors.js';
import type { JsonValue } from '../generated/types.js';
import { decodeExportText, parseExportJson } from './parse-export-json.js';
import type { RawExport } from './raw-export.js';

/**
 * The files of one agent, paths relative to its root (`agent.json` is at the root, or in the one
 * folder the zip wraps everything in), each JSON file parsed once, when first asked for.
 */
export class AgentFiles {
  private readonly parsed = new Map<string, JsonValue>();

  private constructor(
    readonly source: string,
    private readonly bytes: ReadonlyMap<string, Uint8Array>,
    /** Every file, JSON or not. */
    readonly paths: readonly string[],
  ) {}

  /** Finds the agent's root in what was read: refuses an empty export, or one without (or with several) agent.json. */
  static of(raw: RawExport): AgentFiles {
    if (raw.paths.length === 0) throw new NotAnAgentError(raw.source, 'it is empty (macOS metadata and folders aside)');
    const root = rootOf(raw);
    const strip = (path: string): string => path.slice(root.length);
    const bytes = new Map<string, Uint8Array>();
    for (const [path, data] of raw.files) if (path.startsWith(root)) bytes.set(strip(path), data);
    return new AgentFiles(raw.source, bytes, raw.paths.filter((p) => p.startsWith(root)).map(strip));
  }

  /** Whether a JSON file exists. */
  has(path: string): boolean {
    return this.bytes.has(path);
  }

  /** JSON files whose path starts with `prefix`, sorted. */
  under(prefix: string): string[] {
    return [...this.bytes.keys()].filter((path) => path.startsWith(prefix)).sort();
  }

  /** The parsed content of a JSON file. */
  json(path: string): JsonValue {
    let value = this.parsed.get(path);
    if (value === undefined) {
      const bytes = this.bytes.get(path);
      if (bytes === undefined) throw new NotAnAgentError(this.source, `it has no ${path}`);
      value = parseExportJson(path, decodeExportText(path, bytes));
      this.parsed.set(path, value);
    }
    return value;
  }

  /** Parses every JSON file not read yet, so that a broken one is reported even where the model does not look. */
  checkAll(): void {
    for (const path of this.bytes.keys()) this.json(path);
  }
}

function rootOf(raw: RawExport): string {
  if (raw.files.has('agent.json')) return '';
  const agents = [...raw.files.keys()].filter((path) => path.endsWith('/agent.json') && path.split('/').length === 2);
  const tops = new Set(raw.paths.map((path) => path.split('/')[0]!).sort());
  if (agents.length === 1 && tops.size === 1) return agents[0]!.slice(0, -'agent.json'.length);
  if (agents.length > 1) throw new NotAnAgentError(raw.source, `it holds several agents (${agents.slice(0, 3).join(', ')}); give one of them`);
  const found = [...tops].slice(0, 5).join(', ');
  const blob = raw.files.size === 0 ? '; it has no JSON file at all (a CX binary "blob" export? Export as JSON package instead)' : '';
  throw new NotAnAgentError(raw.source, `there is no agent.json at its root or in a single top folder (it holds ${found}${tops.size > 5 ? ', …' : ''})${blob}`);
}
