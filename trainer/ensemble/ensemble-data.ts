import * as tf from '@tensorflow/tfjs';
import { rowCount, sliceRows, tensorList, type ModelData } from '../data/model-data';
import type { TrainFlags } from '../flags';
import { findModel } from '../zoo';
import type { Member } from './read-member';
import { labelsOf } from './score';

/** Examples to predict on, with their classes. */
export interface Split {
  x: ModelData;
  labels: Int32Array;
}

export interface EnsembleData {
  /** The rows fit() held out with the members' validation split (the last ones, as Keras takes them); null without one. */
  validation: Split | null;
  test: Split;
  /** Probabilities per example: 1 for a sigmoid output, else the classes. */
  width: number;
  dispose(): void;
}

async function split(x: ModelData, y: ModelData): Promise<Split> {
  const [labels] = tensorList(y);
  return { x, labels: labelsOf(await labels.data(), labels.shape[1] ?? 1) };
}

/**
 * The data the members trained on, rebuilt as `member`'s zoo entry builds it from its stored flags
 * (the members share them: see task.ts), with `testSamples` test examples. `data` points at the IMDB
 * reviews when they are not where the member read them.
 */
export async function ensembleData(member: Member, testSamples: number, data: string | undefined, log: (line: string) => void): Promise<EnsembleData> {
  const source = (member.flags.data as { source?: unknown }).source;
  const flags = { ...member.flags, backend: 'auto', data: data ?? (typeof source === 'string' ? source : undefined), testSamples } as unknown as TrainFlags;
  const prepared = await findModel(member.model).prepare(flags, log);
  prepared.model.optimizer?.dispose();
  prepared.model.dispose();
  const { x, y, xTest, yTest } = prepared;
  const [label] = tensorList(y);
  if (tensorList(y).length !== 1) throw new Error(`${member.model} has ${tensorList(y).length} outputs; an ensemble averages one`);
  const rows = rowCount(x);
  const trainRows = Math.floor(rows * (1 - member.config.validationSplit));
  const held = rows - trainRows;
  let validation: Split | null = null;
  if (held > 0) {
    const yHeld = sliceRows(y, trainRows, held);
    validation = await split(sliceRows(x, trainRows, held), yHeld);
    tf.dispose(tensorList(yHeld));
  }
  const test = await split(xTest!, yTest!);
  return {
    validation,
    test,
    width: label.shape[1] ?? 1,
    dispose: () => tf.dispose([x, y, xTest!, yTest!, ...(validation ? tensorList(validation.x) : [])].flatMap((d) => tensorList(d))),
  };
}
