import { sharedFloat32, sharedInt32 } from './shared-arrays';
import { moduleWorker } from '../../../module-worker';
import type { HelperJob } from './sgd-helper';
import type { FuzzyGraph } from './fuzzy-graph';
import type { UmapPlan } from './umap-compute';
import { runEpochs, sampleSchedule, seedFrom } from './umap-optimize';


/**
 * The edges ordered by head row (a counting sort), and where to split them so that each thread
 * gets about half and no head row goes to both: a sample writes its head row once and each of its
 * negative samples' pulls into it, so heads kept apart keep the threads off each other's cache lines.
 */
function byHead({ head, tail, weight }: FuzzyGraph, rows: number, nEpochs: number) {
  const start = new Int32Array(rows + 1);
  for (let e = 0; e < head.length; e++) start[head[e] + 1]++;
  for (let r = 0; r < rows; r++) start[r + 1] += start[r];
  const schedule = sampleSchedule(weight, nEpochs);
  const sorted = { head: sharedInt32(head.length), tail: sharedInt32(head.length), epochsPerSample: sharedFloat32(head.length) };
  const next = start.slice(0, rows);
  for (let e = 0; e < head.length; e++) {
    const at = next[head[e]]++;
    sorted.head[at] = head[e];
    sorted.tail[at] = tail[e];
    sorted.epochsPerSample[at] = schedule[e];
  }
  let split = 0;
  while (split < rows && start[split] < head.length / 2) split++;
  return { ...sorted, half: start[split] };
}

/**
 * The optimisation on two threads, each sampling half of the edges on one shared layout: on a
 * vocabulary-sized graph it is most of UMAP's time, and it halves. The helper's epochs are not
 * reported; this thread's are. Not repeatable run to run (the threads race), so small snapshots
 * keep to one thread.
 */
export async function optimizeOnTwoThreads(plan: UmapPlan, onEpoch: (done: number, total: number) => boolean | void): Promise<Float32Array> {
  const { graph, rows, random, ...settings } = plan;
  const edges = graph.head.length;
  const { half, ...sorted } = byHead(graph, rows, plan.nEpochs);
  const layout = sharedFloat32(plan.layout.length);
  layout.set(plan.layout);
  const common = { ...settings, ...sorted, layout, rows };
  const stop = sharedInt32(1);
  const job: HelperJob = { ...common, from: half, to: edges, seed: seedFrom(random), stop };
  const helper = moduleWorker(__dirname, 'sgd-helper', job);
  const helped = new Promise<void>((resolve, reject) => {
    helper.once('message', () => resolve());
    helper.once('error', reject);
    helper.once('exit', (code) => reject(new Error(`UMAP helper thread exited with code ${code}`)));
  });
  try {
    runEpochs({
      ...common,
      from: 0,
      to: half,
      seed: seedFrom(random),
      onEpoch: (done, total) => {
        const cancel = onEpoch(done, total) === true;
        if (cancel) Atomics.store(stop, 0, 1);
        return cancel;
      },
    });
    await helped;
  } finally {
    void helper.terminate();
  }
  return Float32Array.from(common.layout);
}
