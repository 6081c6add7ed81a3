/**
 * What full logging costs an IMDB Conv1D training epoch (lecture shapes, batch 128, validation
 * split 0.2): epochs with no callback at all alternate with epochs under a TensorlensCallback that
 * streams batch scalars, histograms of every weight and activation (histogram_freq=1), the
 * embedding (embeddings_freq=1) and the graph, beside ReduceLROnPlateau and EarlyStopping sending
 * their events, over a real WebSocket into a real SQLite store served by its own process, as a
 * dashboard is (bench/serve-ingest.ts): the trainer's figures hold the trainer's work only, and
 * the server's CPU is reported apart.
 *
 * Measured per epoch: wall time, and the trainer process's CPU time (every thread: the wasm
 * backend's and the histogram binner's), which other load on the machine disturbs less. Each pair
 * is a plain and a logged epoch back to back, in alternating order, so that load drifting over
 * the run falls on both; the overhead is the median over the pairs of (logged − plain) / plain,
 * with its range. The graph, logged once per run, is charged to the logged epochs in equal shares.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { Run } from '../lib/client/run';
import { selectBackend } from '../trainer/backend/select-backend';
import { EarlyStopping } from '../trainer/callbacks/early-stopping';
import { ReduceLROnPlateau } from '../trainer/callbacks/reduce-lr-on-plateau';
import { TensorlensCallback } from '../trainer/callbacks/tensorlens-callback';
import { runEventSink } from '../trainer/callbacks/training-event';
import { logModelGraph } from '../trainer/graph/log-model-graph';
import { buildImdbConv1d } from '../trainer/models/imdb-conv1d';
import { startIngestProcess } from './ingest-process';

const MAX_FEATURES = 2000;
const MAX_LEN = 500;
const BATCH = 128;
const VALIDATION_SPLIT = 0.2;
const PROBE_ROWS = 32; // as trainer/train.ts

/** A median over the pairs, with the smallest and largest pair. */
export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface LoggingFigure {
  /** Training batches per epoch. */
  batches: number;
  pairs: number;
  plainSeconds: number[];
  loggedSeconds: number[];
  /** (logged − plain) / plain on epoch wall time, per pair. */
  overhead: Spread;
  /** The same on the trainer process's CPU time. */
  cpuOverhead: Spread;
  graphMs: number;
  /**
   * Wall time per logged epoch spent inside the TensorlensCallback's hooks, when training waits on
   * them: batch ends (scalars read and sent, one turn of the event loop) and the epoch end (the
   * activations' forward pass on the probe, the reads, the embedding encoded).
   */
  batchEndMs: number;
  epochEndMs: number;
  /** (batchEndMs + epochEndMs) over a plain epoch's wall time. */
  hookShare: number;
  /** CPU the server process spent storing, per logged epoch. */
  serverCpuSecondsPerEpoch: number;
  /** tf.memory().numTensors after each epoch, in the order run. */
  tensorsAfterEpoch: number[];
  loadavgBefore: number[];
  loadavgAfter: number[];
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/** Adds the wall time each call of a callback's hook takes to `add`: training waits for it. */
function timeHook(callback: TensorlensCallback, hook: 'onBatchEnd' | 'onEpochEnd', add: (ms: number) => void): void {
  const original = callback[hook].bind(callback);
  callback[hook] = async (index: number, logs?: tf.Logs) => {
    const started = performance.now();
    await original(index, logs);
    add(performance.now() - started);
  };
}

export async function measureLoggingOverhead(batches: number, pairs: number): Promise<LoggingFigure> {
  await selectBackend('auto');
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-bench-logging-'));
  const server = await startIngestProcess(join(dir, 'bench.db'));
  const samples = Math.ceil((batches * BATCH) / (1 - VALIDATION_SPLIT));
  const x = tf.randomUniformInt([samples, MAX_LEN], 0, MAX_FEATURES);
  const y = tf.randomUniformInt([samples, 1], 0, 2).toFloat();
  const probe = tf.slice(x, [samples - PROBE_ROWS, 0], [PROBE_ROWS, MAX_LEN]);
  const model = buildImdbConv1d({ maxFeatures: MAX_FEATURES, maxLen: MAX_LEN });
  const run = new Run({ server: server.url, name: 'bench-logging', model: 'imdb-conv1d' });
  const streamer = new TensorlensCallback({ run, updateFreq: 'batch', histogramFreq: 1, embeddingsFreq: 1, probe });
  const sink = runEventSink(run, () => streamer.globalStep);
  const watch = { monitor: 'val_loss', sink, verbose: 0 as const };
  // Random labels: val_loss stalls, so the learning rate is cut (an event) every other epoch.
  const logged = [streamer, new ReduceLROnPlateau({ ...watch, patience: 1, factor: 0.9 }), new EarlyStopping({ ...watch, patience: 1000 })];
  let hooks = { batchEnd: 0, epochEnd: 0 };
  timeHook(streamer, 'onBatchEnd', (ms) => { hooks.batchEnd += ms; });
  timeHook(streamer, 'onEpochEnd', (ms) => { hooks.epochEnd += ms; });
  const tensorsAfterEpoch: number[] = [];
  const walls: { plain: number; logged: number }[] = [];
  const cpus: { plain: number; logged: number }[] = [];
  let graphMs = 0;
  let loadavgBefore: number[] = [];
  let serverCpu = 0;
  const epoch = async (withLogging: boolean) => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await model.fit(x, y, { epochs: 1, batchSize: BATCH, validationSplit: VALIDATION_SPLIT, callbacks: withLogging ? logged : [], verbose: 0 });
    tensorsAfterEpoch.push(tf.memory().numTensors);
    return { seconds: (performance.now() - started) / 1000, cpu: cpuSeconds(cpuBefore) };
  };
  try {
    await epoch(false); // warm-up: kernels set up, XNNPACK operators created
    await epoch(true); // and the logging side: the socket, the binner's thread, the probe model
    tensorsAfterEpoch.length = 0;
    hooks = { batchEnd: 0, epochEnd: 0 };
    loadavgBefore = loadavg();
    const graphStarted = performance.now();
    logModelGraph(run, model, () => undefined);
    graphMs = performance.now() - graphStarted;
    const graphShare = graphMs / 1000 / pairs;
    for (let i = 0; i < pairs; i++) {
      const wall = { plain: 0, logged: 0 };
      const cpu = { plain: 0, logged: 0 };
      for (const withLogging of i % 2 === 0 ? [false, true] : [true, false]) {
        const e = await epoch(withLogging);
        const key = withLogging ? 'logged' : 'plain';
        wall[key] = e.seconds + (withLogging ? graphShare : 0);
        cpu[key] = e.cpu + (withLogging ? graphShare : 0);
      }
      walls.push(wall);
      cpus.push(cpu);
    }
    if (!(await run.finish())) throw new Error(`the server did not confirm every point: ${JSON.stringify(run.delivery())}`);
  } finally {
    serverCpu = await server.close();
    tf.dispose([x, y, probe]);
    model.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  const plainMean = walls.reduce((sum, w) => sum + w.plain, 0) / pairs;
  return {
    batches,
    pairs,
    plainSeconds: walls.map((w) => w.plain),
    loggedSeconds: walls.map((w) => w.logged),
    overhead: spread(walls.map((w) => (w.logged - w.plain) / w.plain)),
    cpuOverhead: spread(cpus.map((c) => (c.logged - c.plain) / c.plain)),
    graphMs,
    batchEndMs: hooks.batchEnd / pairs,
    epochEndMs: hooks.epochEnd / pairs,
    hookShare: (hooks.batchEnd + hooks.epochEnd) / pairs / 1000 / plainMean,
    // The warm-up's logged epoch was stored too.
    serverCpuSecondsPerEpoch: serverCpu / (pairs + 1),
    tensorsAfterEpoch,
    loadavgBefore,
    loadavgAfter: loadavg(),
  };
}

const percent = (v: number) => `${(100 * v).toFixed(1)}%`;
const range = (s: Spread) => `${percent(s.median)} (pairs ${percent(s.min)} … ${percent(s.max)})`;

/** One paragraph for the benchmark's report. */
export function describeLogging(f: LoggingFigure): string {
  return `epoch ${f.plainSeconds.map((v) => v.toFixed(1)).join('/')} s without, ${f.loggedSeconds.map((v) => v.toFixed(1)).join('/')} s with (graph ${f.graphMs.toFixed(0)} ms): `
    + `overhead ${range(f.overhead)} wall, ${range(f.cpuOverhead)} trainer CPU; training waits in the callback per epoch `
    + `${f.batchEndMs.toFixed(0)} ms at batch ends, ${f.epochEndMs.toFixed(0)} ms at the epoch end (${percent(f.hookShare)} of an epoch); `
    + `the server process spent ${f.serverCpuSecondsPerEpoch.toFixed(2)} CPU s per logged epoch; tensors after each epoch ${f.tensorsAfterEpoch.join(' ')}; `
    + `load average ${f.loadavgBefore.map((l) => l.toFixed(2)).join(' ')} before, ${f.loadavgAfter.map((l) => l.toFixed(2)).join(' ')} after`;
}
