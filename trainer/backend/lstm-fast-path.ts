import * as tf from '@tensorflow/tfjs';
import { fusedLstm } from './fused-lstm';
import { registerLstmSteps } from './lstm-steps';
import type { GateActivation } from './lstm-recurrence';

/** The parts of tfjs-layers' LSTM (not exported as a type) that decide whether the fused path fits. */
interface LstmLayer {
  returnSequences: boolean;
  returnState: boolean;
  goBackwards: boolean;
  stateful: boolean;
  cell: {
    dropout: number;
    recurrentDropout: number;
    activation: { getClassName(): string };
    recurrentActivation: { getClassName(): string };
    kernel: { read(): tf.Tensor };
    recurrentKernel: { read(): tf.Tensor };
    bias: { read(): tf.Tensor } | null;
  };
}
type Call = (this: LstmLayer, inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];

const GATES = new Set<string>(['hardSigmoid', 'sigmoid']);
let stockCall: Call | undefined;
/** Backends the fast path is on for; others (tfjs-node's native kernels) keep the step loop. */
const backends = new Set<string>();

function lstmPrototype(): { call: Call } {
  // tfjs does not export the LSTM class; its serialization registry holds it under its Keras name.
  const [LstmClass] = tf.serialization.SerializationMap.getMap().classNameMap.LSTM as unknown as [{ prototype: { call: Call } }];
  return LstmClass.prototype;
}

/** What fusedLstm computes: tanh, a known gate activation, no dropout, mask, state or reversal. */
function fits(layer: LstmLayer, inputs: tf.Tensor, kwargs: Record<string, unknown>): boolean {
  const { cell } = layer;
  return backends.has(tf.getBackend()) && inputs.rank === 3 && kwargs?.mask == null && kwargs?.initialState == null
    && !layer.returnState && !layer.goBackwards && !layer.stateful && cell.dropout === 0 && cell.recurrentDropout === 0
    && cell.activation.getClassName() === 'tanh' && GATES.has(cell.recurrentActivation.getClassName());
}

/**
 * Routes every tf.layers.lstm call that fusedLstm can compute through it while `backendName`
 * is the active backend (for wasm and cpu, where per-kernel overhead dominates an LSTM); any
 * other LSTM runs tfjs-layers' own step loop. Idempotent.
 */
export function installLstmFastPath(backendName: string): void {
  backends.add(backendName);
  registerLstmSteps(backendName);
  if (stockCall) return;
  const prototype = lstmPrototype();
  const stock = prototype.call;
  stockCall = stock;
  prototype.call = function (this: LstmLayer, inputs, kwargs) {
    // RNN.apply hands over a one-tensor list when it was given one.
    const x = Array.isArray(inputs) && inputs.length === 1 ? inputs[0] : inputs;
    if (Array.isArray(x) || !fits(this, x, kwargs)) return stock.call(this, inputs, kwargs);
    const { cell } = this;
    return fusedLstm({
      x,
      kernel: cell.kernel.read(),
      recurrentKernel: cell.recurrentKernel.read(),
      bias: cell.bias ? cell.bias.read() : null,
      gateActivation: cell.recurrentActivation.getClassName() as GateActivation,
      returnSequences: this.returnSequences,
    });
  };
}

/** Turns the fast path off for `backendName`; with no backend left, tfjs-layers' call is put back. */
export function removeLstmFastPath(backendName: string): void {
  backends.delete(backendName);
  if (!stockCall || backends.size > 0) return;
  lstmPrototype().call = stockCall;
  stockCall = undefined;
}
