import * as tf from '@tensorflow/tfjs';
import { categoricalCrossentropy, categoricalCrossentropyGradient } from './kernels/categorical-crossentropy';

// tfjs-layers resolves a loss name to its own function inside compile and keeps no public
// registry of them, so compile is wrapped: each output whose loss was named
// 'categoricalCrossentropy' gets a function that runs the fused kernels while one of the
// installed backends is active and tfjs-layers' own function otherwise. Compile has chosen
// the 'acc' metric from the loss before the swap, so metrics are unchanged.

type LossFn = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Tensor;
type Compile = (this: CompiledModel, args: tf.ModelCompileArgs) => void;

/** The parts of tfjs-layers' LayersModel compile sets up that the swap touches. */
interface CompiledModel {
  outputNames: string[];
  lossFunctions: LossFn[];
  feedLossFns: LossFn[];
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

function fused(stock: LossFn): LossFn {
  return (yTrue, yPred) => {
    // Stock broadcasts targets of another shape through its Multiply; the kernel reads them element for element.
    const fits = yPred.dtype === 'float32' && yPred.rank >= 1 && tf.util.arraysEqual(yTrue.shape, yPred.shape);
    if (!fits || !backends.has(tf.getBackend())) return stock(yTrue, yPred);
    // tfjs-layers' epsilon(): the backend's, 1e-7 on the float32 backends.
    return categoricalCrossentropy(yTrue, yPred, tf.backend().epsilon());
  };
}

/** Routes 'categoricalCrossentropy' losses of models compiled from now on through the fused kernels while `backendName` is active. Idempotent. */
export function installLossFastPath(backendName: string): void {
  if (!tf.getGradient(categoricalCrossentropyGradient.kernelName)) tf.registerGradient(categoricalCrossentropyGradient);
  backends.add(backendName);
  if (stockCompile) return;
  const stock = prototype.compile;
  stockCompile = stock;
  prototype.compile = function (this: CompiledModel, args) {
    stock.call(this, args);
    this.lossFunctions = this.lossFunctions.map((fn, i) => (lossOf(args.loss, i, this.outputNames) === LOSS_NAME ? fused(fn) : fn));
    this.feedLossFns = this.feedLossFns.map((fn, i) => this.lossFunctions[i] ?? fn);
  };
}

/** Turns the fast path off for `backendName` (compiled models fall back to stock); with no backend left, compile is put back. */
export function removeLossFastPath(backendName: string): void {
  backends.delete(backendName);
  if (!stockCompile || backends.size > 0) return;
  prototype.compile = stockCompile;
  stockCompile = undefined;
}
