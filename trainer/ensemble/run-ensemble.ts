import * as tf from '@tensorflow/tfjs';
import { Run } from '../../lib/client/run';
import { ensembleWeights } from '../../lib/sweep/ensemble-weights';
import { selectBackend } from '../backend/select-backend';
import { formatMetric } from '../callbacks/progress-bar';
import { ensembleData } from './ensemble-data';
import type { EnsembleFlags } from './ensemble-flags';
import { loadMember, predict } from './predict';
import { readMember, type Member } from './read-member';
import { score, weightedAverage, type Scores } from './score';
import { ENSEMBLE_RUN_LINE } from '../../lib/ensemble/ensemble-job';
import { ENSEMBLE_MODEL, incompatibilities } from '../../lib/ensemble/task';

export interface EnsembleResult {
  runId: string;
  weights: number[];
  members: (Scores & { runId: string })[];
  ensemble: Scores;
  delivered: boolean;
}

/** The members' own --test-samples when they all had the same, else --test-samples must say. */
function testSamplesOf(members: readonly Member[], given: number | undefined): number {
  if (given !== undefined) return given;
  const counts = new Set(members.map((m) => m.flags.testSamples));
  const [count] = counts;
  if (counts.size === 1 && typeof count === 'number') return count;
  throw new Error('the members did not all evaluate the same --test-samples; say how many test examples with --test-samples N');
}

/**
 * Loads each run's best checkpoint, checks that they share a task, weighs them (equally, or to
 * minimise log loss on their validation split), scores each member and the weighted average of their
 * predictions on the test set, and stores the result as an `ensemble` run: its configuration lists
 * the members and weights, its scalars are `test/acc`, `test/loss` and `member/<run>/test/…`.
 */
export async function runEnsemble(flags: EnsembleFlags, log: (line: string) => void): Promise<EnsembleResult> {
  const members = await Promise.all(flags.runs.map((id) => readMember(flags.server, id)));
  const problems = incompatibilities(members);
  if (problems.length) throw new Error(`these runs cannot be combined:\n  ${problems.join('\n  ')}`);
  const testSamples = testSamplesOf(members, flags.testSamples);
  const backend = await selectBackend(flags.backend);
  log(`backend: ${backend.name}; members: ${members.map((m) => `${m.id} (${m.name}, epoch ${m.epoch})`).join(', ')}`);
  const data = await ensembleData(members[0], testSamples, flags.data, log);
  const models: tf.LayersModel[] = [];
  try {
    for (const member of members) models.push(await loadMember(member, data.width));
    let weights = members.map(() => 1 / members.length);
    let validationLogLoss: number | null = null;
    if (flags.weights === 'optimize') {
      if (!data.validation) throw new Error('--weights optimize needs the validation split the members held out; they trained with --validation-split 0');
      const held = data.validation;
      const tuned = ensembleWeights({ members: await Promise.all(models.map((m) => predict(m, held.x))), labels: held.labels }, 'optimize');
      if (!tuned.ok) throw new Error(`cannot weigh the members: ${tuned.error}`);
      ({ weights, logLoss: validationLogLoss } = tuned.value);
      log(`weights from ${held.labels.length} validation examples: log loss ${formatMetric(tuned.value.logLoss)} (members: ${tuned.value.memberLogLoss.map(formatMetric).join(', ')})`);
    }
    const predictions = await Promise.all(models.map((m) => predict(m, data.test.x)));
    const memberScores = predictions.map((p, i) => ({ runId: members[i].id, ...score(p, data.test.labels, data.width) }));
    const ensemble = score(weightedAverage(predictions, weights), data.test.labels, data.width);

    const run = new Run({
      server: flags.server,
      name: flags.runName ?? `ensemble of ${members.map((m) => m.name).join(', ')}`.slice(0, 200),
      model: ENSEMBLE_MODEL,
      backend: backend.name,
      config: {
        members: members.map((m, i) => ({ runId: m.id, name: m.name, model: m.model, epoch: m.epoch, checkpoint: m.checkpoint, weight: weights[i] })),
        weights: flags.weights,
        testSamples: data.test.labels.length,
        validationSamples: data.validation?.labels.length ?? 0,
        validationLogLoss,
        data: members[0].flags.data,
      },
    });
    const scalars: Record<string, number> = { 'test/acc': ensemble.acc, 'test/loss': ensemble.loss };
    memberScores.forEach((s, i) => Object.assign(scalars, { [`member/${s.runId}/test/acc`]: s.acc, [`member/${s.runId}/test/loss`]: s.loss, [`member/${s.runId}/weight`]: weights[i] }));
    run.log(scalars, 0);
    const delivered = await run.finish('finished');
    if (delivered) log(`${ENSEMBLE_RUN_LINE}${run.id}`);
    return { runId: run.id, weights, members: memberScores, ensemble, delivered };
  } finally {
    models.forEach((m) => m.dispose());
    data.dispose();
  }
}
