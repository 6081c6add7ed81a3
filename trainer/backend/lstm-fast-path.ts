import * as tf from '@tensorflow/tfjs';
import { fusedLstm } from './fused-lstm';
import { registerLstmSteps } from './lstm-steps';
import type { GateActivation } from './lstm-recurrence';
import { layerFastPath } from './layer-fast-path';

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

const GATES = new Set<string>(['hardSigmoid', 'sigmoid']);

/** What fusedLstm computes: tanh, a known gate activation, no dropout, mask, state or reversal. */
function fits(layer: LstmLayer, inputs: tf.Tensor, kwargs: Record<string, unknown>): boolean {
  const { cell } = layer;
  return inputs.rank === 3 && kwargs?.mask == null && kwargs?.initialState == null
    && !layer.returnState && !layer.goBackwards && !layer.stateful && cell.dropout === 0 && cell.recurrentDropout === 0
    && cell.activation.getClassName() === 'tanh' && GATES.has(cell.recurrentActivation.getClassName());
}

const fastPath = layerFastPath<LstmLayer>('LSTM', (layer, x, kwargs) => {
  if (!fits(layer, x, kwargs)) return undefined;
  const { cell } = layer;
  return fusedLstm({
    x,
    kernel: cell.kernel.read(),
    recurrentKernel: cell.recurrentKernel.read(),
    bias: cell.bias ? cell.bias.read() : null,
    gateActivation: cell.recurrentActivation.getClassName() as GateActivation,
    returnSequences: layer.returnSequences,
  });
});

/**
 * Routes every tf.layers.lstm call that fusedLstm can compute through it while `backendName`
 * is the active backend (for wasm and cpu, where per-kernel overhead dominates an LSTM); any
 * other LSTM runs tfjs-layers' own step loop. Idempotent.
 */
export function installLstmFastPath(backendName: string): void {
  registerLstmSteps(backendName);
  fastPath.install(backendName);
}

/** Turns the fast path off for `backendName`; with no backend left, tfjs-layers' call is put back. */
export function removeLstmFastPath(backendName: string): void {
  fastPath.remove(backendName);
}
