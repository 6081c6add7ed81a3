import { projectUmap } from '../lib/kinds/embedding/umap/umap-layout';
import { seededRandom } from '../lib/seeded-random';
import { knnRecall, sampleRows } from './recall';
import { runUmapJs } from './umap-js-worker';

const K = 10;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export interface Embedding {
  matrix: Float32Array;
  rows: number;
  dim: number;
}

/** recall@10 of a layout against the original space, over `sampleSize` seeded rows. */
function layoutRecall({ matrix, rows, dim }: Embedding, layout: Float32Array, sampleSize: number): number {
  const sample = sampleRows(rows, sampleSize, seededRandom(2));
  return knnRecall({ original: matrix, dim, layout, layoutDim: 2, rows, k: K, sample });
}

/**
 * Wall time, and CPU time of the whole process (the worker and its helper thread included): on a
 * machine shared with other jobs the second says what the layout costs when they are gone.
 */
async function ours(e: Embedding, seed: number, init?: Float32Array): Promise<{ layout: Float32Array; ms: number; cpuMs: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const layout = await projectUmap(e.matrix, e.rows, e.dim, { metric: 'euclidean', seed, init });
  const cpu = process.cpuUsage(cpu0);
  return { layout, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Ours against umap-js' defaults, seed by seed, in the same run: means of time and recall. */
export async function compareLayouts(e: Embedding, seeds: number[], sampleSize: number) {
  const runs = [];
  for (const seed of seeds) {
    const mine = await ours(e, seed);
    const cpu0 = process.cpuUsage();
    const theirs = await runUmapJs({ ...e, seed }, null);
    const cpu = process.cpuUsage(cpu0);
    if (!('layout' in theirs)) throw new Error('umap-js timed out with no time limit');
    const run = {
      seed,
      oursMs: mine.ms,
      oursCpuMs: mine.cpuMs,
      oursRecall: layoutRecall(e, mine.layout, sampleSize),
      umapJsMs: theirs.ms,
      // Its worker's start and the matrix's conversion to arrays included: a little more than `ms` covers.
      umapJsCpuMs: (cpu.user + cpu.system) / 1000,
      umapJsRecall: layoutRecall(e, theirs.layout, sampleSize),
      layout: mine.layout,
    };
    console.log(
      `  seed ${seed}: tensorlens ${(run.oursMs / 1000).toFixed(2)} s, recall ${run.oursRecall.toFixed(3)}; ` +
        `umap-js ${(run.umapJsMs / 1000).toFixed(2)} s, recall ${run.umapJsRecall.toFixed(3)}`,
    );
    runs.push(run);
  }
  const warm = await ours(e, seeds[0] + 100, runs[0].layout);
  return {
    oursMs: mean(runs.map((r) => r.oursMs)),
    oursCpuMs: mean(runs.map((r) => r.oursCpuMs)),
    oursRecall: mean(runs.map((r) => r.oursRecall)),
    umapJsMs: mean(runs.map((r) => r.umapJsMs)),
    umapJsCpuMs: mean(runs.map((r) => r.umapJsCpuMs)),
    umapJsRecall: mean(runs.map((r) => r.umapJsRecall)),
    warmStartMs: warm.ms,
    warmStartRecall: layoutRecall(e, warm.layout, sampleSize),
  };
}

/** Ours once, and umap-js beside it only if it finishes within `umapJsLimitMs` (0 skips it). */
export async function largeLayout(e: Embedding, seed: number, sampleSize: number, umapJsLimitMs: number) {
  const mine = await ours(e, seed);
  const result = { layoutMs: mine.ms, layoutCpuMs: mine.cpuMs, recall: layoutRecall(e, mine.layout, sampleSize), umapJsMs: null as number | null, umapJsRecall: null as number | null, umapJs: 'skipped' };
  console.log(`  tensorlens ${(mine.ms / 1000).toFixed(2)} s (${(mine.cpuMs / 1000).toFixed(1)} s CPU), recall ${result.recall.toFixed(3)}`);
  if (umapJsLimitMs <= 0) return result;
  const theirs = await runUmapJs({ ...e, seed }, umapJsLimitMs);
  if (!('layout' in theirs)) {
    result.umapJs = `timed out after ${Math.round(theirs.timedOutAfterMs / 1000)} s`;
  } else {
    result.umapJs = 'done';
    result.umapJsMs = theirs.ms;
    result.umapJsRecall = layoutRecall(e, theirs.layout, sampleSize);
  }
  console.log(`  umap-js: ${result.umapJs}${result.umapJsMs ? `, ${(result.umapJsMs / 1000).toFixed(1)} s, recall ${result.umapJsRecall?.toFixed(3)}` : ''}`);
  return result;
}
