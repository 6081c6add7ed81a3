import * as tf from '@tensorflow/tfjs';
import { categoricalAccuracy } from './kernels/categorical-accuracy';
import { categoricalCrossentropy, categoricalCrossentropyGradient } from './kernels/categorical-crossentropy';

// tfjs-layers resolves loss and metric names to its own functions inside compile and keeps
// no public registry of them, so compile is wrapped: each output whose loss was named
// 'categoricalCrossentropy' gets a function that runs the fused kernels while one of the
// installed backends is active and tfjs-layers' own function otherwise, and so does an 'acc'
// or 'accuracy' metric that compile resolved to categorical accuracy. Compile has chosen
// that metric from the loss before the swap, so the metrics are the same.

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
type Compile = (this: CompiledModel, args: tf.ModelCompileArgs) => void;

/** The parts of tfjs-layers' LayersModel compile sets up that the swap touches. */
interface CompiledModel {
  outputNames: string[];
  internalOutputShapes: number[][];
  lossFunctions: LossFn[];
  feedLossFns: LossFn[];
  metricsNames: string[];
  metricsTensors: Array<[LossFn, number]>;
}

const LOSS_NAME = 'categoricalCrossentropy';
const backends = new Set<string>();
let stockCompile: Compile | undefined;

const prototype = tf.LayersModel.prototype as unknown as { compile: Compile };

/** The loss compile was given for output `i`: one for all, one per output, or one per output name. */
function lossOf(loss: tf.ModelCompileArgs['loss'], i: number, outputNames: string[]): unknown {
  if (Array.isArray(loss)) return loss[i];
  if (typeof loss === 'string' || typeof loss === 'function') return loss;
  return (loss as Record<string, unknown>)[outputNames[i]];
}

/** `ours` where the installed backend is active and the shapes match (stock broadcasts others), else `stock`. */
function fused(stock: LossFn, ours: LossFn): LossFn {
  return (yTrue, yPred) => {
    const fits = yPred.dtype === 'float32' && yPred.rank >= 1 && tf.util.arraysEqual(yTrue.shape, yPred.shape);
    return fits && backends.has(tf.getBackend()) ? ours(yTrue, yPred) : stock(yTrue, yPred);
  };
}

// tfjs-layers' epsilon(): the backend's, 1e-7 on the float32 backends.
const crossentropy: LossFn = (yTrue, yPred) => categoricalCrossentropy(yTrue, yPred, tf.backend().epsilon());

/** Compile's choice for 'acc' on output i: binary for one unit or a binary loss, sparse for a sparse one, else categorical. */
function accuracyIsCategorical(model: CompiledModel, loss: unknown, i: number): boolean {
  const shape = model.internalOutputShapes[i];
  return shape[shape.length - 1] !== 1 && loss !== 'binaryCrossentropy' && loss !== 'sparseCategoricalCrossentropy';
}

/** The compiled 'acc' metrics of categorical outputs: named '[output_]acc', and not a function the caller passed. */
function swapAccuracy(model: CompiledModel, args: tf.ModelCompileArgs): void {
  const metrics = args.metrics ?? [];
  const given = new Set<unknown>(typeof metrics === 'object' ? Object.values(metrics).flat() : [metrics]);
  model.metricsTensors = model.metricsTensors.map(([fn, i], k) => {
    const prefix = model.outputNames.length > 1 ? `${model.outputNames[i]}_` : '';
    const swap = model.metricsNames[k + 1] === `${prefix}acc` && !given.has(fn) && accuracyIsCategorical(model, lossOf(args.loss, i, model.outputNames), i);
    return [swap ? fused(fn, categoricalAccuracy) : fn, i];
  });
}

/** Routes 'categoricalCrossentropy' losses and categorical 'acc' metrics of models compiled from now on through the fused kernels while `backendName` is active. Idempotent. */
export function installLossFastPath(backendName: string): void {
  if (!tf.getGradient(categoricalCrossentropyGradient.kernelName)) tf.registerGradient(categoricalCrossentropyGradient);
  backends.add(backendName);
  if (stockCompile) return;
  const stock = prototype.compile;
  stockCompile = stock;
  prototype.compile = function (this: CompiledModel, args) {
    stock.call(this, args);
    this.lossFunctions = this.lossFunctions.map((fn, i) => (lossOf(args.loss, i, this.outputNames) === LOSS_NAME ? fused(fn, crossentropy) : fn));
    this.feedLossFns = this.feedLossFns.map((fn, i) => this.lossFunctions[i] ?? fn);
    swapAccuracy(this, args);
  };
}

/** Turns the fast path off for `backendName` (compiled models fall back to stock); with no backend left, compile is put back. */
export function removeLossFastPath(backendName: string): void {
  backends.delete(backendName);
  if (!stockCompile || backends.size > 0) return;
  prototype.compile = stockCompile;
  stockCompile = undefined;
}
