import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runParts } from '../../../trainer/backend/simd/simd-threads';
import { randomFloats, rng } from './kernel-harness';

// runParts hands parts to helper threads, and runs here any part a helper has not taken yet;
// calls back to back (a helper may wake for a call after the caller took its part, or only
// at the next call) must each come out whole. Checked on relu-grad over a shared memory.

const N = 4099;

test('parts split between the caller and a helper, call after call, each give the whole result', () => {
  const memory = new WebAssembly.Memory({ initial: 2, maximum: 64, shared: true });
  const f = new Float32Array(memory.buffer);
  const [dy, x, dx] = [0, N, 2 * N];
  const rand = rng(3);
  for (let call = 0; call < 400; call++) {
    f.set(randomFloats(rand, 2 * N));
    const split = 4 * (1 + Math.floor(rand() * (N / 4 - 1)));
    runParts('relu-grad', 'relu_grad', memory, 2, [[dy * 4, x * 4, dx * 4, 0, split], [dy * 4, x * 4, dx * 4, split, N]]);
    for (let i = 0; i < N; i++) {
      const want = f[x + i] > 0 ? f[dy + i] : 0;
      if (f[dx + i] !== want) assert.fail(`call ${call}, element ${i} (split at ${split}): ${f[dx + i]}, want ${want}`);
    }
  }
});
