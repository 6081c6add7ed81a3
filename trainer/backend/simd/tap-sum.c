// The Embedding->Conv1D fusion's two passes over token ids (see ../embedding-conv1d.ts).
// P [vocab, taps * filters] holds each token's contribution to each tap: P = table · W.
// tap_sum, forward: out[b, t, :] = bias + sum over taps k of P[ids[b, t*stride + k - pad], k, :],
//   positions in the padding and ids outside [0, vocab) adding nothing; split by batch rows.
// tap_scatter, backward: dP[ids[b, t*stride + k - pad], k, :] += dy[b, t, :], the same sum
//   transposed; split by taps, so that each part writes its own columns of dP.
// No libc, no static data, no shadow stack: see conv-filter-grad.c.
#include <wasm_simd128.h>

static inline void add_row(float* dst, const float* src, int n) {
  int j = 0;
  for (; j + 4 <= n; j += 4) wasm_v128_store(dst + j, wasm_f32x4_add(wasm_v128_load(dst + j), wasm_v128_load(src + j)));
  for (; j < n; j++) dst[j] += src[j];
}

/** The id that tap k of output position t reads, or -1 in the padding or out of the vocabulary. */
static inline int tap_id(const int* row_ids, int t, int k, int seq_len, int stride, int pad, int vocab) {
  int pos = t * stride + k - pad;
  if (pos < 0 || pos >= seq_len) return -1;
  int id = row_ids[pos];
  return id >= 0 && id < vocab ? id : -1;
}

__attribute__((export_name("tap_sum")))
void tap_sum(const float* p, const int* ids, const float* bias, float* out, int seq_len, int out_len, int taps,
             int filters, int stride, int pad, int vocab, int has_bias, int batch_begin, int batch_end) {
  int width = taps * filters;
  for (int b = batch_begin; b < batch_end; b++) {
    const int* row_ids = ids + b * seq_len;
    for (int t = 0; t < out_len; t++) {
      float* dst = out + (b * out_len + t) * filters;
      if (has_bias) __builtin_memcpy(dst, bias, (unsigned)filters * 4u);
      else __builtin_memset(dst, 0, (unsigned)filters * 4u);
      for (int k = 0; k < taps; k++) {
        int id = tap_id(row_ids, t, k, seq_len, stride, pad, vocab);
        if (id >= 0) add_row(dst, p + id * width + k * filters, filters);
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
      for (int k = tap_begin; k < tap_end; k++) {
        int id = tap_id(row_ids, t, k, seq_len, stride, pad, vocab);
        if (id >= 0) add_row(dp + id * width + k * filters, src, filters);
      }
    }
  }
}
