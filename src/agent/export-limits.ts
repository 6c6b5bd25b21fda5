/** Bounds on what reading an export may cost: total bytes of its JSON files (as actually decompressed) and number of entries. */
export interface ExportLimits {
  /** Default 256 MiB: far above a real agent, far below what would exhaust the machine. */
  maxBytes: number;
  /** Default 100,000. */
  maxEntries: number;
}

export const DEFAULT_EXPORT_LIMITS: ExportLimits = { maxBytes: 256 * 1024 * 1024, maxEntries: 100_000 };

/** "256 MiB" */
export function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}
