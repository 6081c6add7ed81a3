// out = x + bias over rows: x and out are [rows, width], bias is [width], for the Add of
// a bias to a convolution's or dense layer's output (kernels/bias-add.ts). Narrow widths
// (8 or 16 channels) are the common case, so the bias is kept in registers for the first
// 16 columns and every row is a few v128 adds.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so it
// must use no static data and no shadow stack.
#include <wasm_simd128.h>

static void add_wide(const float* x, const float* bias, float* out, int rows, int width) {
  int w4 = width & ~3;
  for (int r = 0; r < rows; r++, x += width, out += width) {
    int j = 0;
    for (; j < w4; j += 4) wasm_v128_store(out + j, wasm_f32x4_add(wasm_v128_load(x + j), wasm_v128_load(bias + j)));
    for (; j < width; j++) out[j] = x[j] + bias[j];
  }
}

__attribute__((export_name("bias_add")))
void bias_add(const float* x, const float* bias, float* out, int rows, int width) {
  if (width != 8 && width != 16) {
    add_wide(x, bias, out, rows, width);
    return;
  }
  v128_t b0 = wasm_v128_load(bias), b1 = wasm_v128_load(bias + 4);
  if (width == 8) {
    for (int r = 0; r < rows; r++, x += 8, out += 8) {
      wasm_v128_store(out, wasm_f32x4_add(wasm_v128_load(x), b0));
      wasm_v128_store(out + 4, wasm_f32x4_add(wasm_v128_load(x + 4), b1));
    }
    return;
  }
  v128_t b2 = wasm_v128_load(bias + 8), b3 = wasm_v128_load(bias + 12);
  for (int r = 0; r < rows; r++, x += 16, out += 16) {
    wasm_v128_store(out, wasm_f32x4_add(wasm_v128_load(x), b0));
    wasm_v128_store(out + 4, wasm_f32x4_add(wasm_v128_load(x + 4), b1));
    wasm_v128_store(out + 8, wasm_f32x4_add(wasm_v128_load(x + 8), b2));
    wasm_v128_store(out + 12, wasm_f32x4_add(wasm_v128_load(x + 12), b3));
  }
}
