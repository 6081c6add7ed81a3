// BatchNormalization in training mode over x [rows, C] (every axis but the last
// reduced), forward and backward, each in a few passes over the tensor. tfjs-layers
// builds it from moments, batchNorm and their gradients: some 20 kernels and 140
// Multiply/Sub/Tile calls a SeparableConv2D step, most of them full-size.
//
// Forward: mean, biased variance (two passes, as tf.moments), then
//   y = (x - mean) * gamma / sqrt(var + eps) + beta.
// Backward, with inv = 1 / sqrt(var + eps) and M = rows:
//   dbeta = sum dy, dgamma = inv * sum dy * (x - mean),
//   dx = gamma * inv * (dy - dbeta / M - (x - mean) * inv * dgamma / M).
//
// Every pass reads the tensors row by row in memory order. Sums go per tile of TILE
// rows into [C] scratch (in L1), then into the [C] output, which keeps float32 sums
// to TILE terms plus rows / TILE. Channel blocks of registers walking the rows
// instead (a strided walk per block) ran at a quarter of the speed.
// No libc, an imported memory (tfjs-backend-wasm's heap): no static data, no shadow
// stack. Pointers are byte offsets into that heap; [c_begin, c_end) lets callers
// split the channels between threads, each call touching only its channels.
#include <wasm_simd128.h>

#define TILE 64
// Every helper is inlined, and its null pointer arguments fold away: a struct or a
// real call would need the shadow stack.
#define INLINE static inline __attribute__((always_inline))

// One row's channels [c0, c1) added into tile sums: ta += a, and tb += a * (b - m),
// or (a - m)^2 when there is no b.
INLINE void add_row(const float* a, const float* b, const float* m, float* ta, float* tb, int c0, int c1) {
  int c = c0;
  for (; c + 4 <= c1; c += 4) {
    v128_t va = wasm_v128_load(a + c);
    if (ta) wasm_v128_store(ta + c, wasm_f32x4_add(wasm_v128_load(ta + c), va));
    if (tb) {
      v128_t d = wasm_f32x4_sub(b ? wasm_v128_load(b + c) : va, wasm_v128_load(m + c));
      wasm_v128_store(tb + c, wasm_f32x4_add(wasm_v128_load(tb + c), wasm_f32x4_mul(b ? va : d, d)));
    }
  }
  for (; c < c1; c++) {
    if (ta) ta[c] += a[c];
    if (tb) {
      float d = (b ? b[c] : a[c]) - m[c];
      tb[c] += (b ? a[c] : d) * d;
    }
  }
}

// Per channel in [c0, c1), sa = sum of a and sb = the sum add_row's tb takes, over all
// rows: each tile of rows sums into ta, tb (scratch) and is then added to sa, sb.
INLINE void sums(const float* a, const float* b, const float* m, float* sa, float* sb, float* ta, float* tb,
                 int rows, int stride, int c0, int c1) {
  for (int c = c0; c < c1; c++) {
    if (sa) sa[c] = 0.f;
    if (sb) sb[c] = 0.f;
  }
  for (int r0 = 0; r0 < rows; r0 += TILE) {
    int r1 = r0 + TILE < rows ? r0 + TILE : rows;
    for (int c = c0; c < c1; c++) {
      if (ta) ta[c] = 0.f;
      if (tb) tb[c] = 0.f;
    }
    for (int r = r0; r < r1; r++) add_row(a + r * stride, b ? b + r * stride : 0, m, ta, tb, c0, c1);
    for (int c = c0; c < c1; c++) {
      if (sa) sa[c] += ta[c];
      if (sb) sb[c] += tb[c];
    }
  }
}

// out = q * (x - m) + k, plus p * u when there is a u, per channel, row by row.
INLINE void apply(const float* x, const float* m, const float* u, float* out, const float* p, const float* q,
                  const float* k, int rows, int stride, int c0, int c1) {
  for (int r = 0; r < rows; r++) {
    int o = r * stride;
    int c = c0;
    for (; c + 4 <= c1; c += 4) {
      v128_t y = wasm_f32x4_sub(wasm_v128_load(x + o + c), wasm_v128_load(m + c));
      y = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(q + c), y), wasm_v128_load(k + c));
      if (u) y = wasm_f32x4_add(y, wasm_f32x4_mul(wasm_v128_load(p + c), wasm_v128_load(u + o + c)));
      wasm_v128_store(out + o + c, y);
    }
    for (; c < c1; c++) {
      float y = q[c] * (x[o + c] - m[c]) + k[c];
      out[o + c] = u ? y + p[c] * u[o + c] : y;
    }
  }
}

INLINE float inv_std(float var, float eps) {
  return 1.f / __builtin_sqrtf(var + eps);
}

// Forward. `scratch` holds 2 * C floats: gamma * inv per channel, then tile sums.
__attribute__((export_name("batch_norm_forward")))
void batch_norm_forward(const float* x, const float* gamma, const float* beta, float* y,
                        float* mean, float* var, float* scratch, int rows, int channels, int eps_bits,
                        int c_begin, int c_end) {
  float eps = __builtin_bit_cast(float, eps_bits);
  float *scale = scratch, *tile = scratch + channels;
  sums(x, 0, 0, mean, 0, tile, 0, rows, channels, c_begin, c_end);
  for (int c = c_begin; c < c_end; c++) mean[c] /= (float)rows;
  sums(x, 0, mean, 0, var, 0, tile, rows, channels, c_begin, c_end);
  for (int c = c_begin; c < c_end; c++) {
    var[c] /= (float)rows;
    scale[c] = gamma[c] * inv_std(var[c], eps);
  }
  apply(x, mean, 0, y, 0, scale, beta, rows, channels, c_begin, c_end);
}

// Backward. `scratch` holds 5 * C floats: dx's three per-channel factors, then two tile sums.
__attribute__((export_name("batch_norm_backward")))
void batch_norm_backward(const float* dy, const float* x, const float* gamma, const float* mean,
                         const float* var, float* dx, float* dgamma, float* dbeta, float* scratch,
                         int rows, int channels, int eps_bits, int c_begin, int c_end) {
  float eps = __builtin_bit_cast(float, eps_bits);
  float *k1 = scratch, *k2 = scratch + channels, *k3 = scratch + 2 * channels;
  sums(dy, x, mean, dbeta, dgamma, scratch + 3 * channels, scratch + 4 * channels, rows, channels, c_begin, c_end);
  for (int c = c_begin; c < c_end; c++) {
    float inv = inv_std(var[c], eps);
    dgamma[c] *= inv;
    k1[c] = gamma[c] * inv;
    k2[c] = -k1[c] * inv * dgamma[c] / (float)rows;
    k3[c] = -k1[c] * dbeta[c] / (float)rows;
  }
  apply(x, mean, dy, dx, k1, k2, k3, rows, channels, c_begin, c_end);
}
