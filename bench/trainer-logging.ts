/**
 * What full logging costs an IMDB Conv1D training epoch (lecture shapes, batch 128, validation
 * split 0.2): epochs with no callback at all alternate with epochs under a TensorlensCallback that
 * streams batch scalars, histograms of every weight and activation (histogram_freq=1), the
 * embedding (embeddings_freq=1) and the graph, beside ReduceLROnPlateau and EarlyStopping sending
 * their events, over a real WebSocket into a real SQLite store served in this same process (so the
 * server's work lands inside the epochs too: a pessimistic figure). Alternating, with the order
 * swapped each pair, keeps load that drifts over the run out of the comparison.
 */
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { Run } from '../lib/client/run';
import { selectBackend } from '../trainer/backend/select-backend';
import { EarlyStopping } from '../trainer/callbacks/early-stopping';
import { ReduceLROnPlateau } from '../trainer/callbacks/reduce-lr-on-plateau';
import { TensorlensCallback } from '../trainer/callbacks/tensorlens-callback';
import { runEventSink } from '../trainer/callbacks/training-event';
import { logModelGraph } from '../trainer/graph/log-model-graph';
import { buildImdbConv1d } from '../trainer/models/imdb-conv1d';
import { startSocketServer } from '../test/helpers/socket-server';

const MAX_FEATURES = 2000;
const MAX_LEN = 500;
const BATCH = 128;
const VALIDATION_SPLIT = 0.2;
const PROBE_ROWS = 32; // as trainer/train.ts

export interface LoggingFigure {
  /** Training batches per epoch. */
  batches: number;
  pairs: number;
  plainSeconds: number[];
  loggedSeconds: number[];
  /** (logged - plain) / plain, epoch wall time summed over the pairs. */
  overhead: number;
  /** The same on the process's CPU time (all threads), which other load on the machine disturbs less. */
  cpuOverhead: number;
  graphMs: number;
  /**
   * CPU time inside the TensorlensCallback's hooks per logged epoch: batch ends (scalars, and the
   * server storing what arrived while the hook yields) and the epoch end (histograms, embedding).
   */
  batchEndCpuMs: number;
  epochEndCpuMs: number;
  /** (batchEndCpuMs + epochEndCpuMs) over a plain epoch's CPU time: the hooks' share, for a loaded machine. */
  callbackCpuShare: number;
  /** tf.memory().numTensors after each epoch, in the order run. */
  tensorsAfterEpoch: number[];
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Adds the CPU time each call of a callback's hook takes to `add` (nothing trains meanwhile). */
function timeHook(callback: TensorlensCallback, hook: 'onBatchEnd' | 'onEpochEnd', add: (ms: number) => void): void {
  const original = callback[hook].bind(callback);
  callback[hook] = async (index: number, logs?: tf.Logs) => {
    const started = process.cpuUsage();
    await original(index, logs);
    add(cpuSeconds(started) * 1000);
  };
}

export async function measureLoggingOverhead(batches: number, pairs: number): Promise<LoggingFigure> {
  await selectBackend('auto');
  const dir = mkdtempSync(join(tmpdir(), 'tensorlens-bench-logging-'));
  const server = await startSocketServer(join(dir, 'bench.db'));
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
  const figure: LoggingFigure = { batches, pairs, plainSeconds: [], loggedSeconds: [], overhead: 0, cpuOverhead: 0, graphMs: 0, batchEndCpuMs: 0, epochEndCpuMs: 0, callbackCpuShare: 0, tensorsAfterEpoch: [] };
  timeHook(streamer, 'onBatchEnd', (ms) => { figure.batchEndCpuMs += ms / pairs; });
  timeHook(streamer, 'onEpochEnd', (ms) => { figure.epochEndCpuMs += ms / pairs; });
  let cpu = { plain: 0, logged: 0 };
  const epoch = async (withLogging: boolean) => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await model.fit(x, y, { epochs: 1, batchSize: BATCH, validationSplit: VALIDATION_SPLIT, callbacks: withLogging ? logged : [], verbose: 0 });
    const seconds = (performance.now() - started) / 1000;
    (withLogging ? figure.loggedSeconds : figure.plainSeconds).push(seconds);
    cpu = withLogging ? { ...cpu, logged: cpu.logged + cpuSeconds(cpuBefore) } : { ...cpu, plain: cpu.plain + cpuSeconds(cpuBefore) };
    figure.tensorsAfterEpoch.push(tf.memory().numTensors);
  };
  try {
    await epoch(false); // warm-up: kernels set up, XNNPACK operators created
    Object.assign(figure, { plainSeconds: [], tensorsAfterEpoch: [] });
    cpu = { plain: 0, logged: 0 };
    const graphStarted = performance.now();
    logModelGraph(run, model, () => undefined);
    figure.graphMs = performance.now() - graphStarted;
    for (let i = 0; i < pairs; i++) {
      for (const withLogging of i % 2 === 0 ? [false, true] : [true, false]) await epoch(withLogging);
    }
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const plain = sum(figure.plainSeconds);
    figure.overhead = (sum(figure.loggedSeconds) + figure.graphMs / 1000 - plain) / plain;
    figure.cpuOverhead = (cpu.logged + figure.graphMs / 1000 - cpu.plain) / cpu.plain;
    figure.callbackCpuShare = (figure.batchEndCpuMs + figure.epochEndCpuMs) / 1000 / (cpu.plain / pairs);
    if (!(await run.finish())) throw new Error(`the server did not confirm every point: ${JSON.stringify(run.delivery())}`);
    return figure;
  } finally {
    tf.dispose([x, y, probe]);
    model.dispose();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
