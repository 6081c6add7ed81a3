// The Embedding->Conv1D fusion's two passes over token ids (see ../embedding-conv1d.ts).
// P [vocab, taps * filters] holds each token's contribution to each tap: P = table · W.
// tap_sum, forward: out[b, t, :] = bias + sum over taps k of P[ids[b, t*stride + k - pad], k, :],
//   positions in the padding and ids outside [0, vocab) adding nothing; split by batch rows.
// tap_scatter, backward: dP[ids[b, t*stride + k - pad], k, :] += dy[b, t, :], the same sum
//   transposed; split by taps, so that each part writes its own columns of dP.
// No libc, no static data, no shadow stack: see conv-filter-grad.c.
#include <wasm_simd128.h>

// Rows go in blocks of BLOCK floats held in registers across all taps, then 4 floats and
// single floats for what is left of a row (filters not a multiple of BLOCK).
#define VECS 8
#define BLOCK (4 * VECS)

/** The id that tap k of output position t reads, or -1 in the padding or out of the vocabulary. */
static inline int tap_id(const int* row_ids, int t, int k, int seq_len, int stride, int pad, int vocab) {
  int pos = t * stride + k - pad;
  if (pos < 0 || pos >= seq_len) return -1;
  int id = row_ids[pos];
  return id >= 0 && id < vocab ? id : -1;
}

// The loops below take each tap's row once per block, not once per output row, as a row
// pointer array would need the shadow stack this module must not use (see conv-filter-grad.c).
#define TAP_ROW(k) tap_id(row_ids, t, k, seq_len, stride, pad, vocab)

__attribute__((export_name("tap_sum")))
void tap_sum(const float* p, const int* ids, const float* bias, float* out, int seq_len, int out_len, int taps,
             int filters, int stride, int pad, int vocab, int has_bias, int batch_begin, int batch_end) {
  int width = taps * filters;
  for (int b = batch_begin; b < batch_end; b++) {
    const int* row_ids = ids + b * seq_len;
    for (int t = 0; t < out_len; t++) {
      float* dst = out + (b * out_len + t) * filters;
      int f = 0;
      for (; f + BLOCK <= filters; f += BLOCK) {
        v128_t acc[VECS];
        for (int j = 0; j < VECS; j++) acc[j] = has_bias ? wasm_v128_load(bias + f + 4 * j) : wasm_f32x4_splat(0.0f);
        for (int k = 0; k < taps; k++) {
          int id = TAP_ROW(k);
          if (id < 0) continue;
          const float* src = p + id * width + k * filters + f;
          for (int j = 0; j < VECS; j++) acc[j] = wasm_f32x4_add(acc[j], wasm_v128_load(src + 4 * j));
        }
        for (int j = 0; j < VECS; j++) wasm_v128_store(dst + f + 4 * j, acc[j]);
      }
      for (; f + 4 <= filters; f += 4) {
        v128_t acc = has_bias ? wasm_v128_load(bias + f) : wasm_f32x4_splat(0.0f);
        for (int k = 0; k < taps; k++) {
          int id = TAP_ROW(k);
          if (id >= 0) acc = wasm_f32x4_add(acc, wasm_v128_load(p + id * width + k * filters + f));
        }
        wasm_v128_store(dst + f, acc);
      }
      for (; f < filters; f++) {
        float acc = has_bias ? bias[f] : 0.0f;
        for (int k = 0; k < taps; k++) {
          int id = TAP_ROW(k);
          if (id >= 0) acc += p[id * width + k * filters + f];
        }
        dst[f] = acc;
      }
    }
  }
}

__attribute__((export_name("tap_scatter")))
void tap_scatter(const float* dy, const int* ids, float* dp, int batch, int seq_len, int out_len, int taps,
                 int filters, int stride, int pad, int vocab, int tap_begin, int tap_end) {
  int width = taps * filters;
  unsigned part_bytes = (unsigned)(tap_end - tap_begin) * (unsigned)filters * 4u;
  for (int v = 0; v < vocab; v++) __builtin_memset(dp + v * width + tap_begin * filters, 0, part_bytes);
  for (int b = 0; b < batch; b++) {
    const int* row_ids = ids + b * seq_len;
    for (int t = 0; t < out_len; t++) {
      const float* src = dy + (b * out_len + t) * filters;
      int f = 0;
      for (; f + BLOCK <= filters; f += BLOCK) {
        v128_t s[VECS];
        for (int j = 0; j < VECS; j++) s[j] = wasm_v128_load(src + f + 4 * j);
        for (int k = tap_begin; k < tap_end; k++) {
          int id = TAP_ROW(k);
          if (id < 0) continue;
          float* d = dp + id * width + k * filters + f;
          for (int j = 0; j < VECS; j++) wasm_v128_store(d + 4 * j, wasm_f32x4_add(wasm_v128_load(d + 4 * j), s[j]));
        }
      }
      for (; f + 4 <= filters; f += 4) {
        v128_t s = wasm_v128_load(src + f);
        for (int k = tap_begin; k < tap_end; k++) {
          int id = TAP_ROW(k);
          if (id < 0) continue;
          float* d = dp + id * width + k * filters + f;
          wasm_v128_store(d, wasm_f32x4_add(wasm_v128_load(d), s));
        }
      }
      for (; f < filters; f++) {
        for (int k = tap_begin; k < tap_end; k++) {
          int id = TAP_ROW(k);
          if (id >= 0) dp[id * width + k * filters + f] += src[f];
        }
      }
    }
  }
}
