// MaxPoolGrad on NHWC float32: each dy value goes to the first maximum of its window
// (strict >, as stock tfjs: NaN and all -Infinity windows pass nothing). Four
// channels at a time keep their best value and its index in v128 lanes. For the
// IMDB Conv1D's MaxPooling1D(5) the JS kernel's per-window closure and per-channel
// arrays cost ~90 ms a step.
// No libc, no static data, no shadow stack: see conv-filter-grad.c.
#include <wasm_simd128.h>

static inline int max_i(int a, int b) { return a > b ? a : b; }
static inline int min_i(int a, int b) { return a < b ? a : b; }

__attribute__((export_name("max_pool_grad")))
void max_pool_grad(const float* x, const float* dy, float* dx, int n, int h, int w, int c,
                   int oh, int ow, int fh, int fw, int sh, int sw, int pt, int pl) {
  __builtin_memset(dx, 0, (unsigned)n * (unsigned)h * (unsigned)w * (unsigned)c * 4u);
  int c4 = c & ~3;
  for (int b = 0; b < n; b++) {
    for (int yr = 0; yr < oh; yr++) {
      int r0 = max_i(0, yr * sh - pt), r1 = min_i(h, yr * sh - pt + fh);
      for (int yc = 0; yc < ow; yc++, dy += c) {
        int q0 = max_i(0, yc * sw - pl), q1 = min_i(w, yc * sw - pl + fw);
        for (int d = 0; d < c4; d += 4) {
          v128_t best = wasm_f32x4_splat(-__builtin_inff());
          v128_t at = wasm_i32x4_splat(-1);
          for (int r = r0; r < r1; r++) {
            for (int q = q0; q < q1; q++) {
              int base = ((b * h + r) * w + q) * c + d;
              v128_t v = wasm_v128_load(x + base);
              v128_t better = wasm_f32x4_gt(v, best);
              best = wasm_v128_bitselect(v, best, better);
              at = wasm_v128_bitselect(wasm_i32x4_add(wasm_i32x4_splat(base), wasm_i32x4_make(0, 1, 2, 3)), at, better);
            }
          }
          int a0 = wasm_i32x4_extract_lane(at, 0), a1 = wasm_i32x4_extract_lane(at, 1);
          int a2 = wasm_i32x4_extract_lane(at, 2), a3 = wasm_i32x4_extract_lane(at, 3);
          if (a0 >= 0) dx[a0] += dy[d];
          if (a1 >= 0) dx[a1] += dy[d + 1];
          if (a2 >= 0) dx[a2] += dy[d + 2];
          if (a3 >= 0) dx[a3] += dy[d + 3];
        }
        for (int d = c4; d < c; d++) {
          float best = -__builtin_inff();
          int at = -1;
          for (int r = r0; r < r1; r++) {
            for (int q = q0; q < q1; q++) {
              int i = ((b * h + r) * w + q) * c + d;
              if (x[i] > best) { best = x[i]; at = i; }
            }
          }
          if (at >= 0) dx[at] += dy[d];
        }
      }
    }
  }
}
