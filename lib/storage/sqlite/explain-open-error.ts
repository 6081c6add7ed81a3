import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';

function isWritableFolder(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A companion file that is there but is no file SQLite can write (a folder, a device). */
function blocked(path: string): boolean {
  try {
    return !statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Why SQLite could not open `path`, in words a user can act on. SQLite only says "unable to open
 * database file", even when the file itself is fine and what fails is the write-ahead log, which
 * must create `<file>-wal` and `<file>-shm` in the same folder.
 */
export function explainOpenError(path: string, error: Error): Error {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new DamagedDatabase(path, error.message);
  const dir = dirname(path);
  const companions = [`${path}-wal`, `${path}-shm`];
  let hint: string;
  if (!isWritableFolder(dir)) hint = `the folder ${dir} is not writable, and SQLite's write-ahead log must create ${companions.join(' and ')} there`;
  else if (companions.some(blocked)) hint = `${companions.filter(blocked).join(' and ')} must be files SQLite can write: its write-ahead log lives there`;
  else hint = `SQLite needs to read and write the file, and to create ${companions.join(' and ')} beside it`;
  return new Error(`cannot open the database ${path}: ${error.message} (${hint})`);
}

/** A file that fails SQLite's integrity check: refusing it beats serving 500s from half its pages. */
export class DamagedDatabase extends Error {
  constructor(path: string, detail: string) {
    const first = detail.split('\n').filter((line) => line && !line.startsWith('***')).slice(0, 3).join('; ');
    super(`the database ${path} is damaged (${first}); move it aside or restore a backup, and Tensorlens starts with an empty one`);
  }
}
