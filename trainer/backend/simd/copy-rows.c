// Strided copies for Concat, SplitV and a strided convolution's input gradient.
//
// copy_rows: a strided copy of `rows` rows of `row_bytes` bytes each, for Concat and SplitV
// (kernels/concat-split.ts): the concat axis cuts every tensor into outer rows of one
// contiguous block, so each input (Concat) or output (SplitV) is one strided copy
// between its packed rows and its column of the wide tensor. The blocks are short
// (an NHWC concat along channels: 8 floats, 32 bytes, per row), where a call per row
// costs more than the bytes; here a row is a few v128 loads and stores.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so it
// must use no static data and no shadow stack.
#include <wasm_simd128.h>

static inline void copy_row(unsigned char* dst, const unsigned char* src, int bytes) {
  int i = 0;
  for (; i + 64 <= bytes; i += 64) {
    v128_t a = wasm_v128_load(src + i), b = wasm_v128_load(src + i + 16);
    v128_t c = wasm_v128_load(src + i + 32), d = wasm_v128_load(src + i + 48);
    wasm_v128_store(dst + i, a);
    wasm_v128_store(dst + i + 16, b);
    wasm_v128_store(dst + i + 32, c);
    wasm_v128_store(dst + i + 48, d);
  }
  for (; i + 16 <= bytes; i += 16) wasm_v128_store(dst + i, wasm_v128_load(src + i));
  for (; i + 4 <= bytes; i += 4) *(unsigned int*)(dst + i) = *(const unsigned int*)(src + i);
  for (; i < bytes; i++) dst[i] = src[i];
}

__attribute__((export_name("copy_rows")))
void copy_rows(unsigned char* dst, int dst_stride, const unsigned char* src, int src_stride, int rows, int row_bytes) {
  if (row_bytes >= 4096) {
    for (int r = 0; r < rows; r++) __builtin_memcpy(dst + r * dst_stride, src + r * src_stride, row_bytes);
    return;
  }
  for (int r = 0; r < rows; r++, dst += dst_stride, src += src_stride) copy_row(dst, src, row_bytes);
}

// Places an NHWC float32 src [n, h, w, c] into dst [n, H, W, c] with src[b, i, j] at
// dst[b, r0 + i * sh, c0 + j * sw] (dropped where that lies outside H x W), zeroing dst
// first if asked: a strided convolution's input gradient is put together from one
// stride-1 convolution per phase of the stride (kernels/conv2d-backprop-input.ts).
__attribute__((export_name("place")))
void place(float* dst, const float* src, int n, int h, int w, int c, int H, int W, int r0, int c0, int sh, int sw, int zero) {
  if (zero) __builtin_memset(dst, 0, (unsigned long)n * H * W * c * sizeof(float));
  int rows = (H - r0 + sh - 1) / sh < h ? (H - r0 + sh - 1) / sh : h;
  int cols = (W - c0 + sw - 1) / sw < w ? (W - c0 + sw - 1) / sw : w;
  for (int b = 0; b < n; b++) {
    for (int i = 0; i < rows; i++) {
      float* out = dst + (((long)b * H + r0 + (long)i * sh) * W + c0) * c;
      const float* in = src + (((long)b * h + i) * w) * c;
      for (int j = 0; j < cols; j++) copy_row((unsigned char*)(out + (long)j * sw * c), (const unsigned char*)(in + (long)j * c), c * 4);
    }
  }
}
