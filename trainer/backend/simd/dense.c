// A Dense layer's products without XNNPACK: out[r, :] = a[r, :] · b (+ bias) (relu), for
// rows [row_begin, row_end), with b row-major [K, N] and a read through strides, so that
// x (a_rs = K, a_ks = 1) and xᵀ (a_rs = 1, a_ks = rows of x) are both an a. tfjs-backend-wasm
// builds an XNNPACK operator for each new b buffer (~16 µs each), and in training every
// product has a new b: the weights change each step and a gradient's operands are fresh.
// Tiles of 4 rows × 8 columns keep 8 v128 sums in registers, as XNNPACK's own wasm kernel.
// No libc, an imported memory (tfjs-backend-wasm's heap): pointers are byte offsets.
#include <wasm_simd128.h>

static inline v128_t finish(v128_t v, int relu) {
  return relu ? wasm_f32x4_max(v, wasm_f32x4_splat(0.f)) : v;
}

static void tile4x8(const float* a, int a_rs, int a_ks, const float* b, const float* bias, float* out,
                    int r, int c, int K, int N, int relu) {
  v128_t init0 = bias ? wasm_v128_load(bias + c) : wasm_f32x4_splat(0.f);
  v128_t init1 = bias ? wasm_v128_load(bias + c + 4) : wasm_f32x4_splat(0.f);
  v128_t s00 = init0, s01 = init1, s10 = init0, s11 = init1, s20 = init0, s21 = init1, s30 = init0, s31 = init1;
  const float* a0 = a + r * a_rs;
  for (int k = 0; k < K; k++) {
    v128_t b0 = wasm_v128_load(b + k * N + c), b1 = wasm_v128_load(b + k * N + c + 4);
    const float* ak = a0 + k * a_ks;
    v128_t x0 = wasm_f32x4_splat(ak[0]), x1 = wasm_f32x4_splat(ak[a_rs]);
    v128_t x2 = wasm_f32x4_splat(ak[2 * a_rs]), x3 = wasm_f32x4_splat(ak[3 * a_rs]);
    s00 = wasm_f32x4_add(s00, wasm_f32x4_mul(x0, b0)); s01 = wasm_f32x4_add(s01, wasm_f32x4_mul(x0, b1));
    s10 = wasm_f32x4_add(s10, wasm_f32x4_mul(x1, b0)); s11 = wasm_f32x4_add(s11, wasm_f32x4_mul(x1, b1));
    s20 = wasm_f32x4_add(s20, wasm_f32x4_mul(x2, b0)); s21 = wasm_f32x4_add(s21, wasm_f32x4_mul(x2, b1));
    s30 = wasm_f32x4_add(s30, wasm_f32x4_mul(x3, b0)); s31 = wasm_f32x4_add(s31, wasm_f32x4_mul(x3, b1));
  }
  float* o = out + r * N + c;
  wasm_v128_store(o, finish(s00, relu)); wasm_v128_store(o + 4, finish(s01, relu)); o += N;
  wasm_v128_store(o, finish(s10, relu)); wasm_v128_store(o + 4, finish(s11, relu)); o += N;
  wasm_v128_store(o, finish(s20, relu)); wasm_v128_store(o + 4, finish(s21, relu)); o += N;
  wasm_v128_store(o, finish(s30, relu)); wasm_v128_store(o + 4, finish(s31, relu));
}

static void tile1x8(const float* a, int a_rs, int a_ks, const float* b, const float* bias, float* out,
                    int r, int c, int K, int N, int relu) {
  v128_t s0 = bias ? wasm_v128_load(bias + c) : wasm_f32x4_splat(0.f);
  v128_t s1 = bias ? wasm_v128_load(bias + c + 4) : wasm_f32x4_splat(0.f);
  const float* a0 = a + r * a_rs;
  for (int k = 0; k < K; k++) {
    v128_t x = wasm_f32x4_splat(a0[k * a_ks]);
    s0 = wasm_f32x4_add(s0, wasm_f32x4_mul(x, wasm_v128_load(b + k * N + c)));
    s1 = wasm_f32x4_add(s1, wasm_f32x4_mul(x, wasm_v128_load(b + k * N + c + 4)));
  }
  wasm_v128_store(out + r * N + c, finish(s0, relu));
  wasm_v128_store(out + r * N + c + 4, finish(s1, relu));
}

// Up to 4 columns at c (w of them) of b and bias, the rest of the lanes 0; no read past w.
static inline v128_t load_part(const float* p, int w) {
  return wasm_f32x4_make(p[0], w > 1 ? p[1] : 0.f, w > 2 ? p[2] : 0.f, w > 3 ? p[3] : 0.f);
}

static inline void store_part(float* p, v128_t v, int w) {
  p[0] = wasm_f32x4_extract_lane(v, 0);
  if (w > 1) p[1] = wasm_f32x4_extract_lane(v, 1);
  if (w > 2) p[2] = wasm_f32x4_extract_lane(v, 2);
  if (w > 3) p[3] = wasm_f32x4_extract_lane(v, 3);
}

// The last N % 8 columns, up to 4 at a time, one row per pass: a vector of b built lane by lane.
static void tail_columns(const float* a, int a_rs, int a_ks, const float* b, const float* bias, float* out,
                         int c, int K, int N, int relu, int row_begin, int row_end) {
  for (; c < N; c += 4) {
    int w = N - c < 4 ? N - c : 4;
    v128_t init = bias ? load_part(bias + c, w) : wasm_f32x4_splat(0.f);
    for (int r = row_begin; r < row_end; r++) {
      v128_t s = init;
      const float* a0 = a + r * a_rs;
      for (int k = 0; k < K; k++) s = wasm_f32x4_add(s, wasm_f32x4_mul(wasm_f32x4_splat(a0[k * a_ks]), load_part(b + k * N + c, w)));
      store_part(out + r * N + c, finish(s, relu), w);
    }
  }
}

__attribute__((export_name("gemm")))
void gemm(const float* a, int a_rs, int a_ks, const float* b, const float* bias, float* out,
          int K, int N, int relu, int row_begin, int row_end) {
  int c = 0;
  for (; c + 8 <= N; c += 8) {
    int r = row_begin;
    for (; r + 4 <= row_end; r += 4) tile4x8(a, a_rs, a_ks, b, bias, out, r, c, K, N, relu);
    for (; r < row_end; r++) tile1x8(a, a_rs, a_ks, b, bias, out, r, c, K, N, relu);
  }
  tail_columns(a, a_rs, a_ks, b, bias, out, c, K, N, relu, row_begin, row_end);
}
