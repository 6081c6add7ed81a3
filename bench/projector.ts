/**
 * Projector: UMAP 2-D of a 10,000 x 128 clustered embedding through Tensorlens' path (k-means
 * probed kNN, PCA start, typed-array optimiser, in a worker) against plain umap-js with its
 * defaults, in the same run. Reports time and kNN recall@10 of each layout against the original space.
 */
import { loadavg } from 'node:os';
import { UMAP } from 'umap-js';
import { seededRandom } from '../lib/seeded-random';
import { projectUmap } from '../lib/kinds/embedding/umap/umap-layout';
import { knnRecall, sampleRows } from './recall';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const DIM = Number(process.env.BENCH_DIM ?? 128);
const CLUSTERS = 20;
const INTRINSIC_DIM = 4;
const NOISE = 0.3;
const K = 10;
const SAMPLE = 1_000;

/**
 * A seeded mixture of Gaussians, each cluster spread along its own few random directions plus
 * isotropic noise, so neighbourhoods inside a cluster mean something and recall can tell layouts apart.
 */
function clusteredEmbedding(rows: number, dim: number, random: () => number): Float32Array {
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: CLUSTERS }, () => Float32Array.from({ length: dim }, () => 4 * gauss()));
  const axes = Array.from({ length: CLUSTERS }, () => Float32Array.from({ length: dim * INTRINSIC_DIM }, gauss));
  const out = new Float32Array(rows * dim);
  const z = new Float64Array(INTRINSIC_DIM);
  for (let r = 0; r < rows; r++) {
    const c = Math.floor(random() * CLUSTERS);
    for (let q = 0; q < INTRINSIC_DIM; q++) z[q] = gauss();
    for (let t = 0; t < dim; t++) {
      let v = centres[c][t] + NOISE * gauss();
      for (let q = 0; q < INTRINSIC_DIM; q++) v += axes[c][t * INTRINSIC_DIM + q] * z[q];
      out[r * dim + t] = v;
    }
  }
  return out;
}

async function main(): Promise<void> {
  const matrix = clusteredEmbedding(ROWS, DIM, seededRandom(1));
  const sample = sampleRows(ROWS, SAMPLE, seededRandom(2));
  const recall = (layout: Float32Array) =>
    knnRecall({ original: matrix, dim: DIM, layout, layoutDim: 2, rows: ROWS, k: K, sample });
  console.log(`projector bench: ${ROWS} x ${DIM}, ${CLUSTERS} clusters, recall@${K} over ${sample.length} rows`);

  let t0 = performance.now();
  const ours = await projectUmap(matrix, ROWS, DIM, { metric: 'euclidean', seed: 3 });
  const oursMs = performance.now() - t0;
  const oursRecall = recall(ours);
  console.log(`tensorlens: ${(oursMs / 1000).toFixed(2)} s, recall@${K} ${oursRecall.toFixed(3)}`);

  t0 = performance.now();
  const warm = await projectUmap(matrix, ROWS, DIM, { metric: 'euclidean', seed: 4, init: ours });
  const warmMs = performance.now() - t0;
  const warmRecall = recall(warm);
  console.log(`tensorlens warm start from its own layout: ${(warmMs / 1000).toFixed(2)} s, recall@${K} ${warmRecall.toFixed(3)}`);

  const rows: number[][] = [];
  for (let r = 0; r < ROWS; r++) rows.push(Array.from(matrix.subarray(r * DIM, (r + 1) * DIM)));
  t0 = performance.now();
  const plain = new UMAP({ nComponents: 2 }).fit(rows);
  const plainMs = performance.now() - t0;
  const plainRecall = recall(Float32Array.from(plain.flat()));
  console.log(`umap-js defaults: ${(plainMs / 1000).toFixed(2)} s, recall@${K} ${plainRecall.toFixed(3)}`);

  const speedup = plainMs / oursMs;
  const load = loadavg();
  console.log(`speed-up ${speedup.toFixed(1)}x; load average ${load.map((l) => l.toFixed(2)).join(' ')}`);
  console.log(
    JSON.stringify({
      rows: ROWS,
      dim: DIM,
      k: K,
      sample: sample.length,
      tensorlensMs: Math.round(oursMs),
      tensorlensRecall: +oursRecall.toFixed(4),
      warmStartMs: Math.round(warmMs),
      warmStartRecall: +warmRecall.toFixed(4),
      umapJsMs: Math.round(plainMs),
      umapJsRecall: +plainRecall.toFixed(4),
      speedup: +speedup.toFixed(2),
      loadavg: load.map((l) => +l.toFixed(2)),
    }),
  );
}

void main();
