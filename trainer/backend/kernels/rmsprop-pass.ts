import { simdExports } from '../simd/simd-module';
import { isWasmBackend, wasmMemory } from '../wasm-heap';

// RMSprop's per-variable update in one pass over buffers the caller has views of (outputs
// may be the inputs: an in-place update). On wasm our SIMD kernel (simd/rmsprop.c) runs it:
// the JS loop, float32-rounded with Math.fround at each step, took ~40 µs of the zoo MLP's
// ~650 µs step for its 3.5k weights. Both round every intermediate to float32, as stock does.

export interface RmsPropFactors { decay: number; keep: number; momentum: number; learningRate: number; epsilon: number }

export interface RmsPropBuffers {
  g: Float32Array; w: Float32Array; ms: Float32Array; mom: Float32Array;
  newValue: Float32Array; newMeanSquare: Float32Array; newMoment: Float32Array;
}

interface RmsPropModule {
  rmsprop(g: number, w: number, ms: number, mom: number, wOut: number, msOut: number, momOut: number, n: number,
    decay: number, keep: number, momentum: number, lr: number, eps: number): void;
}

const f32 = Math.fround;

function jsPass(b: RmsPropBuffers, f: RmsPropFactors): void {
  const [decay, keep, momentum, lr, eps] = [f.decay, f.keep, f.momentum, f.learningRate, f.epsilon].map(f32);
  const { g, w, ms, mom, newValue, newMeanSquare, newMoment } = b;
  for (let k = 0; k < w.length; k++) {
    const gk = g[k];
    const s = f32(f32(ms[k] * decay) + f32(f32(gk * gk) * keep));
    const step = f32(f32(gk * lr) / f32(Math.sqrt(f32(s + eps))));
    const m = f32(f32(mom[k] * momentum) + step);
    const wk = w[k];
    newMeanSquare[k] = s;
    newMoment[k] = m;
    newValue[k] = wk - m;
  }
}

/** One variable's update; `backend` is the one whose memory the views are of. */
export function rmspropPass(backend: unknown, b: RmsPropBuffers, f: RmsPropFactors): void {
  if (!isWasmBackend(backend)) {
    jsPass(b, f);
    return;
  }
  const kernel = simdExports<RmsPropModule>('rmsprop', wasmMemory(backend));
  kernel.rmsprop(b.g.byteOffset, b.w.byteOffset, b.ms.byteOffset, b.mom.byteOffset, b.newValue.byteOffset, b.newMeanSquare.byteOffset,
    b.newMoment.byteOffset, b.w.length, f.decay, f.keep, f.momentum, f.learningRate, f.epsilon);
}
