// UnsortedSegmentSum of float32 rows: out[ids[r], :] += x[r, :], ids outside
// [0, segments) dropped. The Embedding gradient's scatter-add (64,000 rows of 128 for
// the IMDB Conv1D at batch 128), four floats per add instead of one as in JS.
// No libc, no static data, no shadow stack: see conv-filter-grad.c.
#include <wasm_simd128.h>

__attribute__((export_name("segment_sum")))
void segment_sum(const float* x, const int* ids, float* out, int rows, int row_size, int segments) {
  __builtin_memset(out, 0, (unsigned)segments * (unsigned)row_size * 4u);
  for (int r = 0; r < rows; r++) {
    int segment = ids[r];
    if (segment < 0 || segment >= segments) continue;
    const float* src = x + r * row_size;
    float* dst = out + segment * row_size;
    int j = 0;
    for (; j + 4 <= row_size; j += 4) wasm_v128_store(dst + j, wasm_f32x4_add(wasm_v128_load(dst + j), wasm_v128_load(src + j)));
    for (; j < row_size; j++) dst[j] += src[j];
  }
}
