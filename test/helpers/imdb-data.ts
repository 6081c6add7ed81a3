import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real reviews for tests: IMDB_DATA, else the shared copy beside the checkout. */
export function imdbDataPath(): string | undefined {
  const candidates = [process.env.IMDB_DATA, resolve(__dirname, '../../../shared/data/imdb/aclImdb_v1_labeled.tar.gz')];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
