/**
 * An LSTM's recurrence over plain arrays, for a range of batch rows: rows never mix, so
 * several threads can each take a range of the same arrays (helper-threads.ts). Pure
 * arithmetic without tfjs, so a worker thread loads it quickly.
 */

/** The LSTM gate activations the fused path knows; tfjs-layers' default is hardSigmoid. */
export type GateActivation = 'hardSigmoid' | 'sigmoid';

const gate: Record<GateActivation, { apply(z: number): number; slope(s: number): number }> = {
  // Keras's hard sigmoid, clip(0.2 z + 0.5, 0, 1); its slope is taken from the output.
  hardSigmoid: { apply: (z) => Math.min(1, Math.max(0, 0.2 * z + 0.5)), slope: (s) => (s > 0 && s < 1 ? 0.2 : 0) },
  sigmoid: { apply: (z) => 1 / (1 + Math.exp(-z)), slope: (s) => s * (1 - s) },
};

export interface RecurrenceArrays {
  batch: number;
  steps: number;
  units: number;
  activation: GateActivation;
  /** The input projection x·kernel + bias [batch, steps, 4 * units]. */
  zx: Float32Array;
  /** The recurrent kernel [units, 4 * units]. */
  u: Float32Array;
  /** Gate activations [batch, steps, 4 * units], written forward. */
  gates: Float32Array;
  /** Cell states and outputs [batch, steps, units], written forward. */
  c: Float32Array;
  h: Float32Array;
}

export interface BackwardArrays extends RecurrenceArrays {
  /** The output's gradient: [batch, steps, units] with `sequences`, else [batch, units]. */
  dy: Float32Array;
  sequences: boolean;
  /** The gate pre-activations' gradient [batch, steps, 4 * units], written backward. */
  dz: Float32Array;
}

/** The forward pass of rows [from, to): fills gates, c and h there. */
export function forwardRows(a: RecurrenceArrays, from: number, to: number): void {
  const { steps, units, zx, u, gates, c, h } = a;
  const activate = gate[a.activation].apply;
  const width = 4 * units;
  const row = new Float64Array(width);
  for (let b = from; b < to; b++) {
    for (let t = 0; t < steps; t++) {
      const at = b * steps + t;
      for (let k = 0; k < width; k++) row[k] = zx[at * width + k];
      if (t > 0) {
        for (let j = 0; j < units; j++) {
          const hv = h[(at - 1) * units + j];
          if (hv === 0) continue;
          for (let k = 0, uo = j * width; k < width; k++) row[k] += hv * u[uo + k];
        }
      }
      for (let j = 0; j < units; j++) {
        const i = activate(row[j]);
        const f = activate(row[units + j]);
        const g = Math.tanh(row[2 * units + j]);
        const o = activate(row[3 * units + j]);
        const cell = (t > 0 ? f * c[(at - 1) * units + j] : 0) + i * g;
        const go = at * width + j;
        gates[go] = i; gates[go + units] = f; gates[go + 2 * units] = g; gates[go + 3 * units] = o;
        c[at * units + j] = cell;
        h[at * units + j] = o * Math.tanh(cell);
      }
    }
  }
}

/** Backpropagation through time for rows [from, to): the gate pre-activations' gradient, every step. */
export function backwardRows(a: BackwardArrays, from: number, to: number): void {
  const { steps, units, gates, c, u, dy, dz, sequences } = a;
  const slope = gate[a.activation].slope;
  const width = 4 * units;
  const dh = new Float64Array(units);
  const dc = new Float64Array(units);
  for (let b = from; b < to; b++) {
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
