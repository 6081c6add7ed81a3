import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

export const IMDB_URL = 'https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz';
export const IMDB_ARCHIVE_NAME = 'aclImdb_v1.tar.gz';

export interface ImdbSourceOptions {
  /** Explicit location (CLI --data); wins over IMDB_DATA and the cache. */
  path?: string;
  /** Where the downloaded archive is kept; defaults to logs/data under the working directory. */
  cacheDir?: string;
  url?: string;
  /** Receives download progress lines; defaults to stderr so stdout stays machine-readable. */
  log?: (message: string) => void;
}

/** Either the tarball or the extracted aclImdb/ folder (the one holding train/ and test/). */
export interface ImdbSource {
  kind: 'archive' | 'directory';
  path: string;
}

const logToStderr = (message: string): void => void process.stderr.write(`${message}\n`);

/** Finds the dataset: --data path, else $IMDB_DATA, else the cached download (fetched once if missing). */
export async function resolveImdbSource(options: ImdbSourceOptions = {}): Promise<ImdbSource> {
  if (options.path) return inspectPath(options.path, '--data');
  const fromEnv = process.env.IMDB_DATA;
  if (fromEnv) return inspectPath(fromEnv, 'IMDB_DATA');
  const cached = join(resolve(options.cacheDir ?? join('logs', 'data')), IMDB_ARCHIVE_NAME);
  if (!(await statOrNull(cached))) {
    const url = options.url ?? IMDB_URL;
    const log = options.log ?? logToStderr;
    log(`IMDB dataset not cached; downloading ${url} to ${cached}`);
    await downloadFile(url, cached, log);
  }
  return { kind: 'archive', path: cached };
}

async function inspectPath(path: string, origin: string): Promise<ImdbSource> {
  const full = resolve(path);
  const info = await statOrNull(full);
  if (!info) throw new Error(`IMDB data not found: ${full} (from ${origin}) does not exist`);
  if (info.isFile()) return { kind: 'archive', path: full };
  for (const candidate of [full, join(full, 'aclImdb')]) {
    if (await isAclImdbFolder(candidate)) return { kind: 'directory', path: candidate };
  }
  throw new Error(
    `${full} (from ${origin}) is not an aclImdb layout: expected train/{pos,neg} and test/{pos,neg} in it or in its aclImdb/ folder`,
  );
}

async function isAclImdbFolder(dir: string): Promise<boolean> {
  const needed = ['train/pos', 'train/neg', 'test/pos', 'test/neg'];
  const found = await Promise.all(needed.map(async (sub) => (await statOrNull(join(dir, sub)))?.isDirectory()));
  return found.every(Boolean);
}

async function statOrNull(path: string) {
  try {
    return await stat(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Downloads to a temp file beside the destination and renames it, so a failed download never leaves a partial file. */
export async function downloadFile(url: string, destination: string, log: (message: string) => void = logToStderr): Promise<void> {
  await mkdir(dirname(destination), { recursive: true });
  const temp = `${destination}.${process.pid}.${Date.now()}.part`;
  try {
    let response: Response;
    try {
      response = await fetch(url);
    } catch (err) {
      const cause = (err as Error & { cause?: Error }).cause;
      throw new Error(`download of ${url} failed: ${cause?.message ?? (err as Error).message}`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new Error(`download of ${url} failed with status ${response.status} ${response.statusText}`);
    }
    const total = Number(response.headers.get('content-length')) || 0;
    let received = 0;
    const progress = progressReporter(total, log);
    await pipeline(
      Readable.fromWeb(response.body as unknown as NodeReadableStream<Uint8Array>),
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          received += chunk.length;
          progress(received);
          yield chunk;
        }
      },
      createWriteStream(temp),
    ).catch((err: Error) => {
      throw new Error(`download of ${url} failed after ${formatMB(received)}: ${err.message}`);
    });
    if (total && received !== total) {
      throw new Error(`download of ${url} was cut short: got ${received} of ${total} bytes`);
    }
    await rename(temp, destination);
    log(`downloaded ${formatMB(received)} to ${destination}`);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Throttled to one line per 10% (or per 10 MB without a length) to keep logs short. */
function progressReporter(total: number, log: (message: string) => void): (received: number) => void {
  const step = total ? total / 10 : 10 * 2 ** 20;
  let next = step;
  return (received) => {
    if (received < next) return;
    next = (Math.floor(received / step) + 1) * step;
    const percent = total ? ` (${Math.floor((100 * received) / total)}%)` : '';
    log(`  ${formatMB(received)}${total ? ` of ${formatMB(total)}` : ''}${percent}`);
  };
}

function formatMB(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}
