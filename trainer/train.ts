import * as tf from '@tensorflow/tfjs';
import { Run } from '../lib/client/run';
import { assertBackendCanTrain } from './backend/assert-backend-can-train';
import { selectBackend } from './backend/select-backend';
import { ProgressBar } from './callbacks/progress-bar';
import { TensorlensCallback } from './callbacks/tensorlens-callback';
import { extractGraph } from './graph/extract-graph';
import type { TrainFlags } from './flags';
import type { ModelEntry } from './zoo/model-entry';

/** Rows of validation data whose activations the histograms record. */
const PROBE_SIZE = 32;

export interface TrainResult {
  runId: string;
  delivered: boolean;
}

/**
 * One run end to end: backend, data, model, then fit() streaming to the dashboard.
 * The run ends as finished, or failed with the error, whatever happens inside fit().
 */
export async function train(flags: TrainFlags, entry: ModelEntry, log: (line: string) => void): Promise<TrainResult> {
  const backend = await selectBackend(flags.backend);
  log(`backend: ${backend.name} (${backend.package}, ${backend.threads} thread${backend.threads === 1 ? '' : 's'})` +
    (backend.kernels.length ? `, Tensorlens kernels: ${backend.kernels.join(', ')}` : '') +
    (backend.fallbackReasons.length ? `\n  skipped: ${backend.fallbackReasons.join('; ')}` : ''));
  const prepared = await entry.prepare(flags, log);
  const { model, x, y } = prepared;
  const samples = x.shape[0];
  const trainSamples = Math.floor(samples * (1 - flags.validationSplit));
  const run = new Run({
    server: flags.server,
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
  run.logGraph(extractGraph(model));
  if (prepared.vocabulary) run.logVocabulary(prepared.vocabulary);
  const interrupt = () => {
    void run.finish('failed', 'interrupted (SIGINT)', 3000).then(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  // Activations are recorded on the first rows of the validation split: fit() never trains on them.
  const validationRows = samples - trainSamples;
  const probe = validationRows > 0 ? x.slice(trainSamples, Math.min(PROBE_SIZE, validationRows)) : x.slice(0, Math.min(PROBE_SIZE, samples));
  const streamer = new TensorlensCallback({ run, updateFreq: flags.updateFreq, histogramFreq: flags.histogramFreq, probe });
  try {
    assertBackendCanTrain(model, x, y);
    await model.fit(x, y, {
      epochs: flags.epochs,
      batchSize: flags.batchSize,
      validationSplit: flags.validationSplit,
      callbacks: [streamer, new ProgressBar()],
      verbose: 0,
    });
    if (prepared.xTest && prepared.yTest) {
      const [loss, acc] = model.evaluate(prepared.xTest, prepared.yTest, { batchSize: flags.batchSize }) as tf.Scalar[];
      const test = { 'test/loss': (await loss.data())[0], 'test/acc': (await acc.data())[0] };
      tf.dispose([loss, acc]);
      log(`test: loss ${test['test/loss'].toFixed(4)} - acc ${test['test/acc'].toFixed(4)} on ${prepared.xTest.shape[0]} reviews`);
      run.log(test, streamer.globalStep);
    }
    const delivered = await run.finish('finished');
    return { runId: run.id, delivered };
  } catch (e) {
    await run.finish('failed', (e as Error).stack ?? String(e));
    throw e;
  } finally {
    process.removeListener('SIGINT', interrupt);
    tf.dispose([x, y, probe, prepared.xTest, prepared.yTest].filter((t): t is tf.Tensor => t !== undefined));
    model.dispose();
  }
}
