import * as tf from '@tensorflow/tfjs';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './write-file-atomic';

export const MODEL_JSON = 'model.json';

export interface FileSystemHandlerOptions {
  /** Keras' save_weights_only: model.json keeps the weights manifest but no topology. */
  weightsOnly?: boolean;
}
const WEIGHTS_FILE = /^weights-[0-9a-f]{16}\.bin$/;

/**
 * tfjs' file layout (model.json + a weights binary) in a directory, for Node without tfjs-node.
 * model.json is the commit point: the weights go to a fresh file first and model.json is renamed
 * into place after them, so a crash leaves the previous checkpoint whole. Superseded weight files
 * are removed once the new model.json is in place.
 */
export function fileSystemHandler(dir: string, options: FileSystemHandlerOptions = {}): Required<Pick<tf.io.IOHandler, 'save' | 'load'>> {
  return {
    async save(artifacts: tf.io.ModelArtifacts): Promise<tf.io.SaveResult> {
      await mkdir(dir, { recursive: true });
      const weightsFile = `weights-${randomBytes(8).toString('hex')}.bin`;
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
      await writeFileAtomic(join(dir, weightsFile), weights);
      const modelJson: tf.io.ModelJSON = {
        modelTopology: (options.weightsOnly ? null : artifacts.modelTopology) as tf.io.ModelJSON['modelTopology'],
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightsManifest: [{ paths: [weightsFile], weights: artifacts.weightSpecs ?? [] }],
        ...(artifacts.trainingConfig && !options.weightsOnly ? { trainingConfig: artifacts.trainingConfig } : {}),
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      await writeFileAtomic(join(dir, MODEL_JSON), JSON.stringify(modelJson));
      for (const name of await readdir(dir)) {
        if (WEIGHTS_FILE.test(name) && name !== weightsFile) await unlink(join(dir, name)).catch(() => undefined);
      }
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    },

    async load(): Promise<tf.io.ModelArtifacts> {
      const modelJson = JSON.parse(await readFile(join(dir, MODEL_JSON), 'utf8')) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
        const specs = manifest.flatMap((group) => group.weights);
        const buffers = await Promise.all(manifest.flatMap((group) => group.paths).map((p) => readFile(join(dir, p))));
        const data = buffers.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
        return [specs, data];
      });
    },
  };
}

/** Loads a whole model saved by a ModelCheckpoint or `model.save(fileSystemHandler(dir))`. */
export function loadModelFrom(dir: string): Promise<tf.LayersModel> {
  return tf.loadLayersModel(fileSystemHandler(dir));
}

/** Loads the weights of a checkpoint (whole or weights-only) into a model of the same architecture. */
export async function loadWeightsFrom(model: tf.LayersModel, dir: string): Promise<void> {
  const artifacts = await fileSystemHandler(dir).load();
  const tensors = tf.io.decodeWeights(artifacts.weightData!, artifacts.weightSpecs!);
  model.loadWeights(tensors);
  tf.dispose(Object.values(tensors));
}
