import * as tf from '@tensorflow/tfjs';
import { tensorList, type ModelData } from '../data/model-data';
import { loadModelFrom } from '../io/file-system-handler';
import type { Member } from './read-member';

const BATCH_SIZE = 256;

/** A member's best checkpoint, checked to give `width` probabilities per example from one output. */
export async function loadMember(member: Member, width: number): Promise<tf.LayersModel> {
  const model = await loadModelFrom(member.checkpoint);
  const out = model.outputs.length === 1 ? model.outputs[0].shape[model.outputs[0].shape.length - 1] : null;
  if (out !== width) {
    model.dispose();
    const what = out === null ? `${model.outputs.length} outputs` : `${out} values per example`;
    throw new Error(`run ${member.id} (${member.name}) predicts ${what}; the task's labels need ${width}`);
  }
  return model;
}

/** The model's probabilities on x, row-major. */
export async function predict(model: tf.LayersModel, x: ModelData): Promise<Float32Array> {
  const output = model.predict(tensorList(x, model.inputNames), { batchSize: BATCH_SIZE }) as tf.Tensor;
  const probs = (await output.data()) as Float32Array;
  output.dispose();
  return probs;
}
