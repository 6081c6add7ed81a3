import { siblingWorker } from './sibling-worker';
import type { HelperJob } from './sgd-helper';
import type { UmapPlan } from './umap-compute';
import { runEpochs, sampleSchedule, seedFrom } from './umap-optimize';

function shared<T extends Float32Array | Int32Array>(from: T): T {
  const copy = new (from.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(from.byteLength));
  copy.set(from);
  return copy;
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
  // Edges come in (i, j), (j, i) pairs: split between two.
  const half = 2 * Math.floor(edges / 4);
  const common = {
    ...settings,
    layout: shared(plan.layout),
    head: shared(graph.head),
    tail: shared(graph.tail),
    epochsPerSample: shared(sampleSchedule(graph.weight, plan.nEpochs)),
    rows,
  };
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const job: HelperJob = { ...common, from: half, to: edges, seed: seedFrom(random), stop };
  const helper = siblingWorker('sgd-helper', job);
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
