/**
 * Projector: UMAP 2-D layouts through Tensorlens' path (RP-forest + NN-descent kNN, PCA start,
 * typed-array optimiser, in a worker) against umap-js with its defaults, on seeded clustered
 * 128-D embeddings (Gaussian clusters each spread along its own few directions; no trained
 * embedding of 80,000 words is at hand): at 10,000 rows, three seeds; at 80,000 (the whole IMDB
 * vocabulary), one, with umap-js beside it only within a time limit; then an 80,000-row snapshot
 * stored compactly and asked for neighbours. The last line is JSON.
 *
 * BENCH_UMAPJS_80K_LIMIT_S (default 600; 0 skips umap-js at 80,000 rows).
 * BENCH_LAYOUT_80K_ONLY=1 runs only the 80,000-row layout (with umap-js only if its limit is set).
 */
import { loadavg } from 'node:os';
import { clusteredEmbedding } from '../test/helpers/clustered-embedding';
import { compareLayouts, Embedding, largeLayout } from './projector-layouts';
import { storedSnapshot } from './projector-storage';

const DIM = 128;
const SEEDS = [3, 4, 5];
const LAYOUT_80K_ONLY = process.env.BENCH_LAYOUT_80K_ONLY === '1';
const UMAPJS_80K_LIMIT_MS = 1000 * Number(process.env.BENCH_UMAPJS_80K_LIMIT_S ?? (LAYOUT_80K_ONLY ? 0 : 600));

function embedding(rows: number): Embedding {
  return { rows, dim: DIM, matrix: clusteredEmbedding({ rows, dim: DIM, clusters: 20, spreadDims: 4, noise: 0.3, seed: 1 }) };
}

const load = () => loadavg().map((l) => +l.toFixed(2));
const round = (x: number | null, digits = 4) => (x === null ? null : +x.toFixed(digits));

/** The 80,000-row layout alone, for work on its speed. */
async function layoutOnly(loadBefore: number[]): Promise<void> {
  console.log(`80,000 x ${DIM}, recall@10 over 300 rows:`);
  const layout = await largeLayout(embedding(80_000), SEEDS[0], 300, UMAPJS_80K_LIMIT_MS);
  const loadAfter = load();
  console.log(`load average ${loadAfter.join(' ')}`);
  console.log(
    JSON.stringify({
      dim: DIM,
      layout_80k_ms: Math.round(layout.layoutMs),
      layout_80k_cpu_ms: Math.round(layout.layoutCpuMs),
      recall_80k: round(layout.recall),
      loadavg_before: loadBefore,
      loadavg_after: loadAfter,
    }),
  );
}

async function main(): Promise<void> {
  const loadBefore = load();
  console.log(`projector bench, load average ${loadBefore.join(' ')}`);
  if (LAYOUT_80K_ONLY) return layoutOnly(loadBefore);
  console.log(`10,000 x ${DIM}, seeds ${SEEDS.join(', ')}, recall@10 over 1,000 rows:`);
  const small = await compareLayouts(embedding(10_000), SEEDS, 1_000);
  const speedup = small.umapJsMs / small.oursMs;
  console.log(`  mean: ${speedup.toFixed(2)}x faster, recall ${small.oursRecall.toFixed(4)} vs umap-js ${small.umapJsRecall.toFixed(4)}`);

  const large = embedding(80_000);
  console.log(`80,000 x ${DIM}, recall@10 over 300 rows:`);
  const layout = await largeLayout(large, SEEDS[0], 300, UMAPJS_80K_LIMIT_MS);
  const stored = storedSnapshot(large, 300);
  console.log(
    `  stored ${(stored.storedBytes / 1e6).toFixed(2)} MB (file ${(stored.fileBytes / 1e6).toFixed(2)} MB), neighbours recall@10 ${stored.storedRecall.toFixed(4)}, ` +
      `query ${stored.coldMs.toFixed(0)} ms first, ${stored.warmMedianMs.toFixed(1)} ms cached (p90 ${stored.warmP90Ms.toFixed(1)})`,
  );
  const loadAfter = load();
  console.log(`load average ${loadAfter.join(' ')}`);
  console.log(
    JSON.stringify({
      dim: DIM,
      seeds: SEEDS,
      ours_10k_ms: Math.round(small.oursMs),
      ours_10k_cpu_ms: Math.round(small.oursCpuMs),
      umapjs_10k_ms: Math.round(small.umapJsMs),
      speedup_10k: round(speedup, 2),
      umapjs_10k_cpu_ms: Math.round(small.umapJsCpuMs),
      speedup_10k_cpu: round(small.umapJsCpuMs / small.oursCpuMs, 2),
      recall_10k: round(small.oursRecall),
      umapjs_recall_10k: round(small.umapJsRecall),
      warm_start_10k_ms: Math.round(small.warmStartMs),
      warm_start_recall_10k: round(small.warmStartRecall),
      layout_80k_ms: Math.round(layout.layoutMs),
      layout_80k_cpu_ms: Math.round(layout.layoutCpuMs),
      recall_80k: round(layout.recall),
      umapjs_80k: layout.umapJs,
      umapjs_80k_ms: layout.umapJsMs === null ? null : Math.round(layout.umapJsMs),
      umapjs_recall_80k: round(layout.umapJsRecall),
      stored_bytes_80k: stored.storedBytes,
      stored_file_bytes_80k: stored.fileBytes,
      stored_recall: round(stored.storedRecall),
      neighbors_80k_first_ms: Math.round(stored.coldMs),
      neighbors_80k_ms: round(stored.warmMedianMs, 1),
      neighbors_80k_p90_ms: round(stored.warmP90Ms, 1),
      loadavg_before: loadBefore,
      loadavg_after: loadAfter,
    }),
  );
}

void main();
