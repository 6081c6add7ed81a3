// RMSprop's update of one variable in one pass, float32 at every step as tfjs's own
// kernels round it (wasm has no fused multiply-add to contract into), so the weights
// come out as tf.train.rmsprop's: ms' = ms*decay + g*g*keep, m' = mom*momentum +
// g*lr / sqrt(ms' + eps), w' = w - m'. Outputs may be the inputs themselves (in place).
// No libc, an imported memory (tfjs-backend-wasm's heap): pointers are byte offsets.
#include <wasm_simd128.h>

__attribute__((export_name("rmsprop")))
void rmsprop(const float* g, const float* w, const float* ms, const float* mom, float* w_out, float* ms_out, float* mom_out,
             int n, float decay, float keep, float momentum, float lr, float eps) {
  v128_t vdecay = wasm_f32x4_splat(decay), vkeep = wasm_f32x4_splat(keep), vmomentum = wasm_f32x4_splat(momentum);
  v128_t vlr = wasm_f32x4_splat(lr), veps = wasm_f32x4_splat(eps);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t gv = wasm_v128_load(g + i);
    v128_t s = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(ms + i), vdecay), wasm_f32x4_mul(wasm_f32x4_mul(gv, gv), vkeep));
    v128_t step = wasm_f32x4_div(wasm_f32x4_mul(gv, vlr), wasm_f32x4_sqrt(wasm_f32x4_add(s, veps)));
    v128_t m = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(mom + i), vmomentum), step);
    v128_t wv = wasm_v128_load(w + i);
    wasm_v128_store(ms_out + i, s);
    wasm_v128_store(mom_out + i, m);
    wasm_v128_store(w_out + i, wasm_f32x4_sub(wv, m));
  }
  for (; i < n; i++) {
    float s = ms[i] * decay + (g[i] * g[i]) * keep;
    float m = mom[i] * momentum + (g[i] * lr) / __builtin_sqrtf(s + eps);
    float wv = w[i];
    ms_out[i] = s;
    mom_out[i] = m;
    w_out[i] = wv - m;
  }
}
