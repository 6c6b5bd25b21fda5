import { AgentFormatError } from '../errors.js';
import type { AgentFiles } from './agent-files.js';
import { decodeName } from './export-path.js';

/** One folder of a resource (`flows/Default Start Flow/`): its main file and the files below it. */
export interface ResourceFolder {
  /** The folder's name as in the export. */
  readonly folder: string;
  /** `flows/Default Start Flow/Default Start Flow.json` */
  readonly main: string;
  /** Paths of the files below it, relative to the folder: `pages/Enter Location.json`. */
  readonly below: readonly string[];
}

/**
 * The resource folders under `top/` (flows, intents, entity types, generators…): each holds
 * one main file named after the folder (names compared decoded: `%3a` and `:` alike), or a
 * single JSON file of another name.
 */
export function resourceFolders(files: AgentFiles, top: string): ResourceFolder[] {
  const byFolder = new Map<string, string[]>();
  for (const path of files.under(`${top}/`)) {
    const [, folder, ...rest] = path.split('/');
    if (folder === undefined || rest.length === 0) continue;
    let list = byFolder.get(folder);
    if (list === undefined) byFolder.set(folder, (list = []));
    list.push(rest.join('/'));
  }
  const folders: ResourceFolder[] = [];
  for (const [folder, below] of byFolder) {
    const direct = below.filter((file) => !file.includes('/'));
    const named = direct.find((file) => decodeName(file.slice(0, -'.json'.length)) === decodeName(folder));
    const main = named ?? (direct.length === 1 ? direct[0] : undefined);
    if (main === undefined) {
      throw new AgentFormatError(
        `${top}/${folder}/`,
        '',
        `has no ${folder}.json (${direct.length === 0 ? 'no JSON file directly in the folder' : `found ${direct.join(', ')}`})`,
      );
    }
    folders.push({ folder, main: `${top}/${folder}/${main}`, below: below.filter((file) => file !== main) });
  }
  return folders;
}

/** The JSON files directly in a folder (`webhooks/*.json`). */
export function filesIn(files: AgentFiles, folder: string): string[] {
  return files.under(`${folder}/`).filter((path) => !path.slice(folder.length + 1).includes('/'));
}
