import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BackwardArrays, GateActivation, RecurrenceArrays } from '../../../trainer/backend/lstm-recurrence';
import { runSplit, sharedFloats, startHelpers } from '../../../trainer/backend/helper-threads';
import { randomFloats, rng } from './kernel-harness';

const [BATCH, STEPS, UNITS] = [13, 9, 5];

function forwardArrays(activation: GateActivation): RecurrenceArrays {
  const width = 4 * UNITS;
  return {
    batch: BATCH, steps: STEPS, units: UNITS, activation,
    zx: sharedFloats(BATCH * STEPS * width, randomFloats(rng(3), BATCH * STEPS * width).map((v) => 3 * v)),
    u: sharedFloats(UNITS * width, randomFloats(rng(4), UNITS * width).map((v) => 2 * v)),
    gates: sharedFloats(BATCH * STEPS * width),
    c: sharedFloats(BATCH * STEPS * UNITS),
    h: sharedFloats(BATCH * STEPS * UNITS),
  };
}

/** Forward then backward, every output array copied out. */
function run(activation: GateActivation, sequences: boolean, threads: number): Float32Array[] {
  const arrays = forwardArrays(activation);
  assert.equal(runSplit({ kind: 'lstm-forward', arrays }, BATCH, threads), threads);
  const dyLength = BATCH * UNITS * (sequences ? STEPS : 1);
  const backward: BackwardArrays = { ...arrays, sequences, dy: sharedFloats(dyLength, randomFloats(rng(5), dyLength)), dz: sharedFloats(BATCH * STEPS * 4 * UNITS) };
  assert.equal(runSplit({ kind: 'lstm-backward', arrays: backward }, BATCH, threads), threads);
  return [arrays.gates, arrays.c, arrays.h, backward.dz].map((a) => Float32Array.from(a));
}

test('the LSTM recurrence split by batch rows across helper threads gives the same values as one thread', async () => {
  // 13 rows on 3 threads: two helpers take uneven ranges, the training thread the first.
  await startHelpers(2);
  for (const activation of ['hardSigmoid', 'sigmoid'] as const) {
    for (const sequences of [false, true]) {
      const single = run(activation, sequences, 1);
      const split = run(activation, sequences, 3);
      single.forEach((expected, k) => {
        assert.ok(expected.some((v) => v !== 0), `array ${k} was written`);
        assert.deepEqual(split[k], expected, `${activation}${sequences ? ', sequences' : ''}: array ${k}`);
      });
    }
  }
});
