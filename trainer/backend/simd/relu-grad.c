// The gradient of Relu, dx = dy * step(x), in one pass: tfjs's gradient runs Step,
// Cast and Multiply, two full-size passes and a tensor between them, after every conv
// layer's activation. step(x) is 1 above 0, 0 at or below, NaN for NaN (as tfjs's).
// [begin, end) lets callers split the elements between threads.
// No libc, an imported memory (tfjs-backend-wasm's heap): pointers are byte offsets.
#include <wasm_simd128.h>

__attribute__((export_name("relu_grad")))
void relu_grad(const float* dy, const float* x, float* dx, int begin, int end) {
  v128_t zero = wasm_f32x4_splat(0.f), one = wasm_f32x4_splat(1.f);
  int i = begin;
  for (; i + 4 <= end; i += 4) {
    v128_t xv = wasm_v128_load(x + i);
    // 1 where x > 0; NaN x kept as itself where x != x.
    v128_t step = wasm_v128_or(wasm_v128_and(wasm_f32x4_gt(xv, zero), one), wasm_v128_and(wasm_f32x4_ne(xv, xv), xv));
    wasm_v128_store(dx + i, wasm_f32x4_mul(wasm_v128_load(dy + i), step));
  }
  for (; i < end; i++) {
    float step = x[i] > 0.f ? 1.f : (x[i] != x[i] ? x[i] : 0.f);
    dx[i] = dy[i] * step;
  }
}
