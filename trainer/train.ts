import * as tf from '@tensorflow/tfjs';
import { Run } from '../lib/client/run';
import type { DeliveryReport } from '../lib/client/delivery';
import { assertBackendCanTrain } from './backend/assert-backend-can-train';
import { selectBackend } from './backend/select-backend';
import { ProgressBar } from './callbacks/progress-bar';
import { validationReviews } from './callbacks/record-reviews';
import { TensorlensCallback } from './callbacks/tensorlens-callback';
import { callbacksFromFlags } from './callbacks/from-flags';
import { endRunOnSignals } from './end-run-on-signal';
import { ReportToSweep, processChannel } from './callbacks/report-to-sweep';
import { runEventSink } from './callbacks/training-event';
import { rowCount, sliceRows, tensorList } from './data/model-data';
import { logModelGraph } from './graph/log-model-graph';
import type { TrainFlags } from './flags';
import type { ModelEntry } from './zoo/model-entry';

/** Rows of validation data whose activations the histograms record. */
const PROBE_SIZE = 32;
/**
 * How long the end of a run waits for the server to confirm everything. A whole IMDB vocabulary's
 * snapshot is 55 MB of chunks, which a busy server can take a minute or more to store; the wait
 * ends as soon as all is confirmed, so only a run with that much outstanding waits this long.
 */
const FINISH_TIMEOUT_MS = 180_000;

export interface TrainResult {
  runId: string;
  /** What the server refused or never confirmed: data the dashboard does not have. */
  delivery: DeliveryReport;
}

/**
 * One run end to end: backend, data, model, then fit() streaming to the dashboard.
 * The run ends as finished, or failed with the error, whatever happens inside fit().
 */
export async function train(flags: TrainFlags, entry: ModelEntry, log: (line: string) => void): Promise<TrainResult> {
  const backend = await selectBackend(flags.backend, entry.wasmThreads);
  log(`backend: ${backend.name} (${backend.package}, ${backend.threads} thread${backend.threads === 1 ? '' : 's'})` +
    (backend.kernels.length ? `, Tensorlens kernels: ${backend.kernels.join(', ')}` : '') +
    (backend.fallbackReasons.length ? `\n  skipped: ${backend.fallbackReasons.join('; ')}` : ''));
  const prepared = await entry.prepare(flags, log);
  const { model, x, y } = prepared;
  const samples = rowCount(x);
  const trainSamples = Math.floor(samples * (1 - flags.validationSplit));
  const run = new Run({
    server: flags.server,
    id: flags.runId,
    name: flags.runName ?? `${entry.name}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    model: entry.name,
    backend: backend.name,
    config: {
      ...flags,
      requestedBackend: flags.backend,
      backend,
      data: prepared.data,
      params: model.countParams(),
      stepsPerEpoch: Math.ceil(trainSamples / flags.batchSize),
    },
  });
  log(`run ${run.id} streaming to ${flags.server}`);
  logModelGraph(run, model, log);
  if (prepared.vocabulary) run.logVocabulary(prepared.vocabulary);
  const stopHandlingSignals = endRunOnSignals(run);
  // Activations are recorded on the first rows of the validation split: fit() never trains on them.
  const validationRows = samples - trainSamples;
  const probe = validationRows > 0 ? sliceRows(x, trainSamples, Math.min(PROBE_SIZE, validationRows)) : sliceRows(x, 0, Math.min(PROBE_SIZE, samples));
  const reviews = flags.textFreq ? validationReviews(model, x, y, trainSamples, prepared.vocabulary?.words) : undefined;
  if (typeof reviews === 'string') log(`--text-freq: no text is logged, ${reviews}`);
  const streamer = new TensorlensCallback({
    run,
    updateFreq: flags.updateFreq,
    histogramFreq: flags.histogramFreq,
    embeddingsFreq: flags.embeddingsFreq,
    probe,
    textFreq: flags.textFreq,
    reviews: typeof reviews === 'object' ? reviews : undefined,
  });
  try {
    // After the streamer, so each epoch's epoch/lr is the rate that epoch trained with, as in Keras,
    // and after the progress bar, so a callback's message follows the epoch's summary line.
    const sink = runEventSink(run, () => streamer.globalStep);
    const kerasCallbacks = await callbacksFromFlags(flags, run.id, sink);
    // Last, so the runner hears of an epoch once its checkpoint is saved.
    const sweep = flags.sweepId !== undefined && process.send ? [new ReportToSweep({ channel: processChannel(), sink })] : [];
    assertBackendCanTrain(model, tensorList(x, model.inputNames), tensorList(y, model.outputNames));
    await model.fit(x, y, {
      epochs: flags.epochs,
      batchSize: flags.batchSize,
      validationSplit: flags.validationSplit,
      callbacks: [streamer, new ProgressBar(), ...kerasCallbacks, ...sweep],
      verbose: 0,
    });
    if (prepared.xTest && prepared.yTest) {
      // One scalar per metricsNames entry: the total loss, then each output's loss and metrics.
      const results = ([] as tf.Scalar[]).concat(model.evaluate(tensorList(prepared.xTest, model.inputNames), tensorList(prepared.yTest, model.outputNames), { batchSize: flags.batchSize }));
      const values = await Promise.all(results.map(async (r) => (await r.data())[0]));
      tf.dispose(results);
      const test = Object.fromEntries(model.metricsNames.map((name, i) => [`test/${name}`, values[i]]));
      log(`test: ${model.metricsNames.map((name, i) => `${name} ${values[i].toFixed(4)}`).join(' - ')} on ${rowCount(prepared.xTest)} samples`);
      run.log(test, streamer.globalStep);
    }
    await run.finish('finished', undefined, FINISH_TIMEOUT_MS);
    return { runId: run.id, delivery: run.delivery() };
  } catch (e) {
    await run.finish('failed', (e as Error).stack ?? String(e));
    throw e;
  } finally {
    stopHandlingSignals();
    tf.dispose([x, y, probe, prepared.xTest, prepared.yTest].flatMap((d) => (d === undefined ? [] : tensorList(d))));
    if (typeof reviews === 'object') reviews.x.dispose();
    // A model compiled with an optimizer instance does not own it, so model.dispose() leaves its slots
    // behind; and tfjs counts a shared layer once per call, so one dispose() keeps its weights alive.
    const weights = model.weights.map((w) => w.read());
    model.optimizer?.dispose();
    model.dispose();
    tf.dispose(weights.filter((w) => !w.isDisposed));
  }
}
