/**
 * Peak RSS of a real trainer run of the lecture's IMDB Conv1D: `npm run train` on the IMDB
 * dataset (../shared/data, or IMDB_DATA), batch 128, maxLen 500, histograms and embeddings every
 * epoch, streaming to a real WebSocket server in a process of its own. The trainer runs as its own
 * process, so the figure is the trainer's alone; it also reports its live tensors after each epoch.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startIngestProcess } from './ingest-process';

/**
 * tensorsAfterEpoch: the live tensors after each epoch, less historyTensors, the epoch metrics
 * tfjs's History holds until fit() returns (a few more each epoch, in any fit()).
 */
export type MemoryFigure = { peakRssMb: number; tensorsAfterEpoch: number[]; historyTensors: number[]; args: string[] } | { error: string };

function dataset(): string | undefined {
  const path = process.env.IMDB_DATA ?? join(__dirname, '..', '..', 'shared', 'data', 'imdb', 'aclImdb_v1_labeled.tar.gz');
  return existsSync(path) ? path : undefined;
}

export async function measurePeakRss(epochs: number, trainSamples: number): Promise<MemoryFigure> {
  const data = dataset();
  if (!data) return { error: 'skipped: no IMDB dataset (set IMDB_DATA)' };
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-bench-memory-'));
  const server = await startIngestProcess(join(dir, 'bench.db'));
  const args = ['--model', 'imdb-conv1d', '--epochs', String(epochs), '--train-samples', String(trainSamples),
    '--histogram-freq', '1', '--embeddings-freq', '1', '--data', data];
  const reportTensors = ['--callbacks', join(__dirname, 'report-tensors.ts')];
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', '--require', join(__dirname, 'report-peak-rss.cjs'),
      join(__dirname, '..', 'trainer', 'cli.ts'), ...args, ...reportTensors, '--server', server.url], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const peak = /tensorlens-peak-rss-kb (\d+)/.exec(stderr);
    if (code !== 0 || !peak) return { error: `failed: exit ${code}: ${stderr.trim().split('\n').slice(-2).join(' ')}` };
    const counts = [...stderr.matchAll(/tensorlens-tensors \d+ (\d+) (\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const historyTensors = counts.map(([, history]) => history);
    return { peakRssMb: Number(peak[1]) / 1024, tensorsAfterEpoch: counts.map(([live, history]) => live - history), historyTensors, args };
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
