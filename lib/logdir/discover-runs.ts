/**
 * Finds the runs in a logdir: every folder that holds event files is a run named by its path, as
 * TensorBoard names them, except Keras' `train/` and `validation/` folders of one fit, which are one
 * run named by their parent folder (see keras-tags.ts for how their tags are told apart).
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { runName, type LogdirSpec } from './logdir-spec';

/** What a folder of event files is to its run: plain, or one side of a Keras fit. */
export type SourceRole = 'plain' | 'train' | 'validation';

export interface RunSource {
  folder: string;
  role: SourceRole;
  /** Absolute paths in file-name order, the order writers create them in (their names start with a timestamp). */
  files: string[];
}

export interface RunLayout {
  name: string;
  logdir: LogdirSpec;
  /** The run's folder: the Keras fit's folder for a train/validation pair. */
  folder: string;
  sources: RunSource[];
}

/** TensorBoard's test: any file whose name holds `tfevents`. */
export function isEventFile(name: string): boolean {
  return name.includes('tfevents');
}

/**
 * Every folder under `root` with event files, and those files' names in order. Unreadable folders
 * are passed over (a run folder being created or removed while we look is normal); symbolic links
 * are not followed, so a link loop cannot trap the walk.
 */
export async function findEventFolders(root: string): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  const pending = [root];
  while (pending.length > 0) {
    const folder = pending.pop() as string;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    const files = entries.filter((e) => e.isFile() && isEventFile(e.name)).map((e) => e.name);
    if (files.length > 0) found.set(folder, files.sort());
    for (const e of entries) if (e.isDirectory()) pending.push(join(folder, e.name));
  }
  return found;
}

function roleOf(folder: string, root: string): SourceRole {
  if (folder === root) return 'plain';
  const name = basename(folder);
  return name === 'train' || name === 'validation' ? name : 'plain';
}

const ROLE_ORDER: Record<SourceRole, number> = { plain: 0, train: 1, validation: 2 };

/** Groups event folders into runs, in run-name order. */
export function layoutRuns(spec: LogdirSpec, folders: ReadonlyMap<string, readonly string[]>): RunLayout[] {
  const runs = new Map<string, RunLayout>();
  for (const [folder, names] of folders) {
    const role = roleOf(folder, spec.dir);
    const runFolder = role === 'plain' ? folder : dirname(folder);
    const name = runName(spec, relative(spec.dir, runFolder).split(sep).join('/'));
    let run = runs.get(name);
    if (!run) runs.set(name, (run = { name, logdir: spec, folder: runFolder, sources: [] }));
    run.sources.push({ folder, role, files: names.map((n) => join(folder, n)) });
  }
  for (const run of runs.values()) run.sources.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  return [...runs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** The runs of one logdir as it is now. */
export async function discoverRuns(spec: LogdirSpec): Promise<RunLayout[]> {
  return layoutRuns(spec, await findEventFolders(spec.dir));
}
