import { watch, type FSWatcher } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/** A folder being watched; `close()` stops it. */
export interface FolderWatch {
  close(): void;
}

/**
 * Calls `onChange` once a burst of changes under `root` has settled (`quietMs`), with the files
 * that changed. Each folder gets its own watcher, and new folders are watched as they appear;
 * `node_modules`, hidden folders and the folders `skip` names are left out, so that a
 * dependency install or a saved fixture does not count as a change of the app.
 */
export function watchFolder(root: string, onChange: (files: string[]) => void, options: { skip?: readonly string[]; quietMs?: number } = {}): FolderWatch {
  const watchers = new Map<string, FSWatcher>();
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const skipped = (dir: string): boolean => {
    const name = dir.slice(dir.lastIndexOf(sep) + 1);
    return name === 'node_modules' || (name.startsWith('.') && dir !== root) || (options.skip ?? []).some((s) => dir === s || dir.startsWith(s + sep));
  };
  const settle = (): void => {
    timer = undefined;
    const files = [...changed];
    changed.clear();
    onChange(files);
  };
  const add = async (dir: string): Promise<void> => {
    if (closed || watchers.has(dir) || skipped(dir)) return;
    let watcher: FSWatcher;
    try {
      watcher = watch(dir, (_event, name) => {
        const path = name === null ? dir : join(dir, name.toString());
        if (skipped(path)) return;
        changed.add(relative(root, path) || '.');
        void stat(path).then(
          (info) => (info.isDirectory() ? add(path) : undefined),
          () => undefined,
        ); // a new folder: watch it too
        if (timer !== undefined) clearTimeout(timer);
        timer = setTimeout(settle, options.quietMs ?? 150);
      });
    } catch {
      return; // not a folder, or gone already
    }
    watcher.on('error', () => {
      watcher.close();
      watchers.delete(dir);
    });
    watchers.set(dir, watcher);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isDirectory()) await add(join(dir, entry.name));
  };
  void add(root);
  return {
    close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}
