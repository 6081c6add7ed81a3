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
// Rows go in tiles of TILE, channels in blocks of 16 (four v128) within a tile, so a
// tile stays in L1 while its blocks pass over it; each block's tile sum is added to
// the [C] output in memory, which keeps float32 sums to TILE terms plus rows / TILE.
// No libc, an imported memory (tfjs-backend-wasm's heap): no static data, no shadow
// stack. Pointers are byte offsets into that heap; [c_begin, c_end) lets callers
// split the channels between threads, each call touching only its channels.
#include <wasm_simd128.h>

#define TILE 64
// Every helper is inlined: a struct passed to a real call would live on the shadow stack.
#define INLINE static inline __attribute__((always_inline))

typedef struct {
  const float* a;      // summed (x, or dy)
  const float* b;      // multiplies a after centering, or 0 (x)
  const float* center; // subtracted from b, or from a when squared
  float* sum_a;
  float* sum_ab;
} sums_t;

// Over rows [r0, r1), channels [c, c + 4 * lanes): sum_a += sum a, and
// sum_ab += sum a * (b - center) with b, or sum (a - center)^2 without.
INLINE void sum_block(const sums_t* s, int stride, int r0, int r1, int c, int lanes) {
  v128_t sa[4], sab[4], m[4];
  for (int v = 0; v < lanes; v++) {
    sa[v] = wasm_f32x4_splat(0.f);
    sab[v] = sa[v];
    m[v] = s->center ? wasm_v128_load(s->center + c + 4 * v) : sa[v];
  }
  for (int r = r0; r < r1; r++) {
    const float* ap = s->a + r * stride + c;
    const float* bp = s->b ? s->b + r * stride + c : ap;
    for (int v = 0; v < lanes; v++) {
      v128_t a = wasm_v128_load(ap + 4 * v);
      v128_t d = wasm_f32x4_sub(wasm_v128_load(bp + 4 * v), m[v]);
      sa[v] = wasm_f32x4_add(sa[v], a);
      sab[v] = wasm_f32x4_add(sab[v], wasm_f32x4_mul(s->b ? a : d, d));
    }
  }
  for (int v = 0; v < lanes; v++) {
    if (s->sum_a) wasm_v128_store(s->sum_a + c + 4 * v, wasm_f32x4_add(wasm_v128_load(s->sum_a + c + 4 * v), sa[v]));
    if (s->sum_ab) wasm_v128_store(s->sum_ab + c + 4 * v, wasm_f32x4_add(wasm_v128_load(s->sum_ab + c + 4 * v), sab[v]));
  }
}

INLINE void sum_channel(const sums_t* s, int stride, int r0, int r1, int c) {
  float sa = 0.f, sab = 0.f, m = s->center ? s->center[c] : 0.f;
  for (int r = r0; r < r1; r++) {
    float a = s->a[r * stride + c];
    float d = (s->b ? s->b[r * stride + c] : a) - m;
    sa += a;
    sab += (s->b ? a : d) * d;
  }
  if (s->sum_a) s->sum_a[c] += sa;
  if (s->sum_ab) s->sum_ab[c] += sab;
}

// The outputs' channels zeroed, then every tile's sums added in.
INLINE void sums(const sums_t* s, int rows, int stride, int c_begin, int c_end) {
  for (int c = c_begin; c < c_end; c++) {
    if (s->sum_a) s->sum_a[c] = 0.f;
    if (s->sum_ab) s->sum_ab[c] = 0.f;
  }
  for (int r0 = 0; r0 < rows; r0 += TILE) {
    int r1 = r0 + TILE < rows ? r0 + TILE : rows;
    int c = c_begin;
    for (; c + 16 <= c_end; c += 16) sum_block(s, stride, r0, r1, c, 4);
    for (; c + 4 <= c_end; c += 4) sum_block(s, stride, r0, r1, c, 1);
    for (; c < c_end; c++) sum_channel(s, stride, r0, r1, c);
  }
}

// out = p * u + q * (x - center) + k per channel (u and p absent in the forward pass).
typedef struct {
  const float* x;
  const float* center;
  const float* u;
  float* out;
  const float *p, *q, *k;
} apply_t;

INLINE void apply_block(const apply_t* s, int stride, int rows, int c, int lanes) {
  v128_t p[4], q[4], k[4], m[4];
  for (int v = 0; v < lanes; v++) {
    p[v] = s->u ? wasm_v128_load(s->p + c + 4 * v) : wasm_f32x4_splat(0.f);
    q[v] = wasm_v128_load(s->q + c + 4 * v);
    k[v] = wasm_v128_load(s->k + c + 4 * v);
    m[v] = wasm_v128_load(s->center + c + 4 * v);
  }
  for (int r = 0; r < rows; r++) {
    int o = r * stride + c;
    for (int v = 0; v < lanes; v++) {
      v128_t y = wasm_f32x4_add(wasm_f32x4_mul(q[v], wasm_f32x4_sub(wasm_v128_load(s->x + o + 4 * v), m[v])), k[v]);
      if (s->u) y = wasm_f32x4_add(y, wasm_f32x4_mul(p[v], wasm_v128_load(s->u + o + 4 * v)));
      wasm_v128_store(s->out + o + 4 * v, y);
    }
  }
}

INLINE void apply(const apply_t* s, int rows, int stride, int c_begin, int c_end) {
  int c = c_begin;
  for (; c + 16 <= c_end; c += 16) apply_block(s, stride, rows, c, 4);
  for (; c + 4 <= c_end; c += 4) apply_block(s, stride, rows, c, 1);
  for (; c < c_end; c++) {
    for (int r = 0; r < rows; r++) {
      int o = r * stride + c;
      float y = s->q[c] * (s->x[o] - s->center[c]) + s->k[c];
      s->out[o] = s->u ? y + s->p[c] * s->u[o] : y;
    }
  }
}

INLINE float inv_std(float var, float eps) {
  return 1.f / __builtin_sqrtf(var + eps);
}

// Forward. `scale` [C] is scratch for gamma * inv (an output of the op, see
// batch-norm-training.ts), so apply() reads its factors from memory.
__attribute__((export_name("batch_norm_forward")))
void batch_norm_forward(const float* x, const float* gamma, const float* beta, float* y,
                        float* mean, float* var, float* scale, int rows, int channels, int eps_bits,
                        int c_begin, int c_end) {
  float eps = __builtin_bit_cast(float, eps_bits);
  sums_t s = {x, 0, 0, mean, 0};
  sums(&s, rows, channels, c_begin, c_end);
  for (int c = c_begin; c < c_end; c++) mean[c] /= (float)rows;
  sums_t sq = {x, 0, mean, 0, var};
  sums(&sq, rows, channels, c_begin, c_end);
  for (int c = c_begin; c < c_end; c++) {
    var[c] /= (float)rows;
    scale[c] = gamma[c] * inv_std(var[c], eps);
  }
  apply_t a = {x, mean, 0, y, 0, scale, beta};
  apply(&a, rows, channels, c_begin, c_end);
}

// Backward. `k1`, `k2`, `k3` [C] are scratch for dx's per-channel factors.
__attribute__((export_name("batch_norm_backward")))
void batch_norm_backward(const float* dy, const float* x, const float* gamma, const float* mean,
                         const float* var, float* dx, float* dgamma, float* dbeta,
                         float* k1, float* k2, float* k3, int rows, int channels, int eps_bits,
                         int c_begin, int c_end) {
  float eps = __builtin_bit_cast(float, eps_bits);
  sums_t s = {dy, x, mean, dbeta, dgamma};
  sums(&s, rows, channels, c_begin, c_end);
  for (int c = c_begin; c < c_end; c++) {
    float inv = inv_std(var[c], eps);
    dgamma[c] *= inv;
    k1[c] = gamma[c] * inv;
    k2[c] = -k1[c] * inv * dgamma[c] / (float)rows;
    k3[c] = -k1[c] * dbeta[c] / (float)rows;
  }
  apply_t a = {x, mean, dy, dx, k1, k2, k3};
  apply(&a, rows, channels, c_begin, c_end);
}
