import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ImdbSource } from './imdb-source';
import { readTarFile } from './tar-reader';

export type Split = 'train' | 'test';

export interface Review {
  split: Split;
  /** 1 = positive, 0 = negative. */
  label: number;
  /** The <id> in <id>_<rating>.txt; sorting by it makes archive and folder loads identical. */
  id: number;
  text: string;
}

// Matches the labeled folders only, so train/unsup and the urls_*.txt lists are skipped unread.
const REVIEW_PATH = /(?:^|\/)(train|test)\/(pos|neg)\/(\d+)_\d+\.txt$/;
const READ_CONCURRENCY = 64;

/**
 * Hands every labeled review to onReview as soon as it is read, so the caller's tokenizing overlaps
 * decompression and the raw texts need not be kept. Order follows the source; sort by id for determinism.
 */
export async function readReviews(source: ImdbSource, onReview: (review: Review) => void): Promise<void> {
  const seen = new Set<string>();
  const emit = (path: string, text: string) => {
    const review = toReview(path, text);
    seen.add(`${review.split}/${review.label ? 'pos' : 'neg'}`);
    onReview(review);
  };
  if (source.kind === 'archive') await readArchive(source.path, emit);
  else await readFolder(source.path, emit);
  for (const folder of ['train/neg', 'train/pos', 'test/neg', 'test/pos']) {
    if (!seen.has(folder)) {
      throw new Error(`${source.path} is not an aclImdb layout: no reviews in ${folder}/<id>_<rating>.txt`);
    }
  }
}

function toReview(path: string, text: string): Review {
  const match = REVIEW_PATH.exec(path)!;
  return { split: match[1] as Split, label: match[2] === 'pos' ? 1 : 0, id: Number(match[3]), text };
}

type Emit = (path: string, text: string) => void;

async function readArchive(path: string, emit: Emit): Promise<void> {
  for await (const entry of readTarFile(path, { filter: (p) => REVIEW_PATH.test(p) })) {
    emit(entry.path, entry.data.toString('utf8'));
  }
}

async function readFolder(root: string, emit: Emit): Promise<void> {
  const paths: string[] = [];
  for (const split of ['train', 'test']) {
    for (const label of ['pos', 'neg']) {
      const dir = `${split}/${label}`;
      for (const name of await readdir(join(root, dir))) paths.push(`${dir}/${name}`);
    }
  }
  const wanted = paths.filter((p) => REVIEW_PATH.test(p));
  // Bounded parallelism: one readFile per review is fast, 50k at once exhausts file descriptors.
  for (let start = 0; start < wanted.length; start += READ_CONCURRENCY) {
    const batch = wanted.slice(start, start + READ_CONCURRENCY);
    const texts = await Promise.all(batch.map((p) => readFile(join(root, p), 'utf8')));
    batch.forEach((p, i) => emit(p, texts[i]));
  }
}
