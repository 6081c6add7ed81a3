/**
 * An LSTM's recurrence over plain arrays in float64 arithmetic: lstm-steps.ts's kernels on
 * backends other than wasm, where simd/lstm-steps.c runs the same layouts (described there).
 */

/** The LSTM gate activations the fused path knows; tfjs-layers' default is hardSigmoid. */
export type GateActivation = 'hardSigmoid' | 'sigmoid';

const gate: Record<GateActivation, { apply(z: number): number; slope(s: number): number }> = {
  // Keras's hard sigmoid, clip(0.2 z + 0.5, 0, 1); its slope is taken from the output.
  hardSigmoid: { apply: (z) => Math.min(1, Math.max(0, 0.2 * z + 0.5)), slope: (s) => (s > 0 && s < 1 ? 0.2 : 0) },
  sigmoid: { apply: (z) => 1 / (1 + Math.exp(-z)), slope: (s) => s * (1 - s) },
};

export interface StepShape {
  batch: number;
  steps: number;
  units: number;
  activation: GateActivation;
  /** Every step's output (and its gradient) rather than the last step's. */
  sequences: boolean;
}

export interface ForwardArrays {
  /** The input projection x·kernel + bias [batch, steps, 4 * units]. */
  zx: Float32Array;
  /** The recurrent kernel [units, 4 * units]. */
  u: Float32Array;
  /** Written: gate activations [batch, steps, 4 * units], cell states and previous outputs [batch, steps, units]. */
  gates: Float32Array;
  c: Float32Array;
  hprev: Float32Array;
  /** Written: the layer's output. */
  out: Float32Array;
}

export interface BackwardArrays {
  gates: Float32Array;
  c: Float32Array;
  u: Float32Array;
  /** The output's gradient, shaped as the output. */
  dy: Float32Array;
  /** Written: the gate pre-activations' gradient [batch, steps, 4 * units]. */
  dz: Float32Array;
}

export function forwardSteps(s: StepShape, a: ForwardArrays): void {
  const { batch, steps, units } = s;
  const { zx, u, gates, c, hprev, out } = a;
  const activate = gate[s.activation].apply;
  const width = 4 * units;
  const row = new Float64Array(width);
  for (let b = 0; b < batch; b++) {
    hprev.fill(0, b * steps * units, (b * steps + 1) * units);
    for (let t = 0; t < steps; t++) {
      const at = b * steps + t;
      for (let k = 0; k < width; k++) row[k] = zx[at * width + k];
      for (let j = 0; j < units && t > 0; j++) {
        const hv = hprev[at * units + j];
        for (let k = 0, uo = j * width; k < width; k++) row[k] += hv * u[uo + k];
      }
      for (let j = 0; j < units; j++) {
        const i = activate(row[j]);
        const f = activate(row[units + j]);
        const g = Math.tanh(row[2 * units + j]);
        const o = activate(row[3 * units + j]);
        const cell = (t > 0 ? f * c[(at - 1) * units + j] : 0) + i * g;
        const h = o * Math.tanh(cell);
        const go = at * width + j;
        gates[go] = i; gates[go + units] = f; gates[go + 2 * units] = g; gates[go + 3 * units] = o;
        c[at * units + j] = cell;
        if (t + 1 < steps) hprev[(at + 1) * units + j] = h;
        if (s.sequences) out[at * units + j] = h;
        else if (t + 1 === steps) out[b * units + j] = h;
      }
    }
  }
}

/** Backpropagation through time: the gate pre-activations' gradient, every step. */
export function backwardSteps(s: StepShape, a: BackwardArrays): void {
  const { batch, steps, units, sequences } = s;
  const { gates, c, u, dy, dz } = a;
  const slope = gate[s.activation].slope;
  const width = 4 * units;
  const dh = new Float64Array(units);
  const dc = new Float64Array(units);
  for (let b = 0; b < batch; b++) {
    dh.fill(0);
    dc.fill(0);
    for (let t = steps - 1; t >= 0; t--) {
      const at = b * steps + t;
      for (let j = 0; j < units; j++) {
        const dOut = dh[j] + (sequences ? dy[at * units + j] : t === steps - 1 ? dy[b * units + j] : 0);
        const go = at * width + j;
        const [i, f, g, o] = [gates[go], gates[go + units], gates[go + 2 * units], gates[go + 3 * units]];
        const tc = Math.tanh(c[at * units + j]);
        const dCell = dc[j] + dOut * o * (1 - tc * tc);
        dc[j] = dCell * f;
        dz[go] = dCell * g * slope(i);
        dz[go + units] = t > 0 ? dCell * c[(at - 1) * units + j] * slope(f) : 0;
        dz[go + 2 * units] = dCell * i * (1 - g * g);
        dz[go + 3 * units] = dOut * tc * slope(o);
      }
      for (let j = 0; j < units; j++) {
        let sum = 0;
        for (let k = 0, uo = j * width, zo = at * width; k < width; k++) sum += dz[zo + k] * u[uo + k];
        dh[j] = sum;
      }
    }
  }
}
