// Sums of a float32 [outer, reduced, inner] block over its middle axis, in float64 as the
// JS path does (kernels/contiguous-reduce.ts), for BatchNormalization's moments and
// gradient (an NHWC activation summed over N, H, W: reduced = N*H*W, inner = C). 16
// columns at a time in eight f64x2 accumulators, so each pass down the rows reads one
// 64-byte line per row and the block is read from memory about once, whatever inner is.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so it
// must use no static data and no shadow stack: everything lives in wasm locals.
#include <wasm_simd128.h>

static inline v128_t lo(v128_t v) { return wasm_f64x2_promote_low_f32x4(v); }
static inline v128_t hi(v128_t v) { return wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v, v, 2, 3, 2, 3)); }

static inline float finish(double sum, int reduced, int mean) {
  return (float)(mean && reduced > 0 ? sum / reduced : sum);
}

static void block16(const float* x, float* out, int reduced, int inner, int mean) {
  v128_t a[8];
  for (int k = 0; k < 8; k++) a[k] = wasm_f64x2_splat(0);
  for (int m = 0; m < reduced; m++, x += inner) {
    for (int q = 0; q < 4; q++) {
      v128_t v = wasm_v128_load(x + 4 * q);
      a[2 * q] = wasm_f64x2_add(a[2 * q], lo(v));
      a[2 * q + 1] = wasm_f64x2_add(a[2 * q + 1], hi(v));
    }
  }
  for (int k = 0; k < 8; k++) {
    out[2 * k] = finish(wasm_f64x2_extract_lane(a[k], 0), reduced, mean);
    out[2 * k + 1] = finish(wasm_f64x2_extract_lane(a[k], 1), reduced, mean);
  }
}

static void column(const float* x, float* out, int reduced, int inner, int mean) {
  double sum = 0;
  for (int m = 0; m < reduced; m++, x += inner) sum += *x;
  *out = finish(sum, reduced, mean);
}

__attribute__((export_name("sum_rows")))
void sum_rows(const float* x, float* out, int outer, int reduced, int inner, int mean) {
  int inner16 = inner & ~15;
  for (int o = 0; o < outer; o++, x += reduced * inner, out += inner) {
    for (int i = 0; i < inner16; i += 16) block16(x + i, out + i, reduced, inner, mean);
    for (int i = inner16; i < inner; i++) column(x + i, out + i, reduced, inner, mean);
  }
}
