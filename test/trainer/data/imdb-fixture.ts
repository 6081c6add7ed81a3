import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A tiny aclImdb with hand-countable statistics. train/unsup and the urls file must be ignored:
 * "zebra" would otherwise be the most frequent word.
 */
export const FIXTURE_FILES: Record<string, string> = {
  'train/pos/0_9.txt': 'Great movie. I loved it!<br /><br />Great acting, great story.',
  'train/pos/1_8.txt': "A great film; don't miss it.",
  'train/neg/0_2.txt': 'Bad movie. Bad acting... I hated it.',
  'train/neg/1_1.txt': "Awful film, bad story. Don't watch it.",
  'train/unsup/0_0.txt': 'zebra zebra zebra zebra zebra zebra zebra zebra zebra zebra',
  'train/urls_pos.txt': 'http://www.imdb.com/title/tt0000001/usercomments',
  'test/pos/0_10.txt': 'Great great GREAT, unseenword!',
  'test/neg/0_3.txt': 'Bad, bad film.',
};

const tempDirs: string[] = [];
process.on('exit', () => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Creates a temp dir removed when the process exits, so failed tests leave nothing behind. */
export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-imdb-'));
  tempDirs.push(dir);
  return dir;
}

/** Writes files under <root>/aclImdb/ and returns root. */
export function writeAclImdb(root: string, files: Record<string, string> = FIXTURE_FILES): string {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, 'aclImdb', path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

/** Archives <root>/aclImdb with the system tar; extra flags pick compression and header format. */
export function tarAclImdb(root: string, archive: string, flags: string[] = ['-z']): string {
  execFileSync('tar', ['-c', ...flags, '-f', archive, '-C', root, 'aclImdb']);
  return archive;
}

/** A fixture tarball in a fresh temp dir. */
export function makeFixtureTarball(files: Record<string, string> = FIXTURE_FILES): string {
  const dir = makeTempDir();
  return tarAclImdb(writeAclImdb(join(dir, 'src'), files), join(dir, 'aclImdb_v1.tar.gz'));
}

/** Many short reviews, so shuffling and subsets have something to work on. */
export function manyReviews(perLabel: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < perLabel; i++) {
    files[`train/pos/${i}_9.txt`] = `good film number w${i} good`;
    files[`train/neg/${i}_2.txt`] = `bad film number w${i} bad`;
    files[`test/pos/${i}_8.txt`] = `good test ${i}`;
    files[`test/neg/${i}_1.txt`] = `bad test ${i}`;
  }
  return files;
}
