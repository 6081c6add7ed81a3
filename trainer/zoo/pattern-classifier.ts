import * as tf from '@tensorflow/tfjs';
import { oneHotTensor } from '../data/model-data';
import { patternImages } from '../data/pattern-images';
import type { TrainFlags } from '../flags';
import { generatedData } from './generated-data';
import type { ModelEntry, PreparedTraining } from './model-entry';

export interface PatternClassifierArgs {
  name: string;
  description: string;
  imageSize: number;
  classes: number;
  defaultSamples: number;
  /** ModelEntry.wasmThreads: the threads this model trains with on wasm, if not one per core. */
  wasmThreads?: number;
  build(args: { imageSize: number; classes: number; learningRate: number }): tf.LayersModel;
}

/** A zoo entry for an image classifier trained on generated striped images. */
export function patternClassifierEntry(args: PatternClassifierArgs): ModelEntry {
  return {
    name: args.name,
    description: args.description,
    wasmThreads: args.wasmThreads,
    async prepare(flags) {
      return preparePatternClassifier(flags, args);
    },
  };
}

/** The image classifiers' data: generated striped images, the class their orientation and colour. */
function preparePatternClassifier(flags: TrainFlags, args: PatternClassifierArgs): PreparedTraining {
  const { imageSize, classes } = args;
  const model = args.build({ imageSize, classes, learningRate: flags.learningRate });
  const { counts, ...tensors } = generatedData(flags, args.defaultSamples, ({ count, seed }) => {
    const { images, labels } = patternImages({ count, size: imageSize, classes, seed });
    return { x: tf.tensor4d(images, [count, imageSize, imageSize, 3]), y: oneHotTensor(labels, classes) };
  });
  return {
    model,
    ...tensors,
    data: {
      dataset: `generated: ${imageSize}×${imageSize}×3 noisy striped images, ${classes} classes by stripe orientation (5, 36° apart) and colour`,
      ...counts,
    },
  };
}
