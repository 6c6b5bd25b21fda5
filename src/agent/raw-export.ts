/** The files of an export as read, before any is understood: JSON files' bytes by path, and every path. */
export interface RawExport {
  /** The zip or folder as given. */
  readonly source: string;
  /** Bytes of every `.json` file, by path inside the export (junk left out). */
  readonly files: ReadonlyMap<string, Uint8Array>;
  /** Every file's path, JSON or not. */
  readonly paths: readonly string[];
}
