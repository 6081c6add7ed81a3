// AvgPool's gradient for NHWC float32 (kernels/avg-pool-grad.ts on wasm): each dy pixel's
// channels, times 1 / (filterHeight * filterWidth) (padding counts in the divisor, as in
// tfjs), are added to every in-image pixel of its window. Channels are innermost, so each
// add is a run of v128 lanes; stock wasm's C++ loop works one float at a time.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so it
// must use no static data and no shadow stack.
#include <wasm_simd128.h>

static inline int max_int(int a, int b) { return a > b ? a : b; }
static inline int min_int(int a, int b) { return a < b ? a : b; }

static void add_scaled(float* dx, const float* dy, v128_t w4, float w, int channels) {
  int c = 0;
  for (; c + 4 <= channels; c += 4) {
    wasm_v128_store(dx + c, wasm_f32x4_add(wasm_v128_load(dx + c), wasm_f32x4_mul(wasm_v128_load(dy + c), w4)));
  }
  for (; c < channels; c++) dx[c] += dy[c] * w;
}

__attribute__((export_name("avg_pool_grad")))
void avg_pool_grad(const float* dy, float* dx, int batch, int in_h, int in_w, int channels, int out_h, int out_w,
                   int filter_h, int filter_w, int stride_h, int stride_w, int pad_top, int pad_left) {
  float w = 1.0f / (float)(filter_h * filter_w);
  v128_t w4 = wasm_f32x4_splat(w);
  __builtin_memset(dx, 0, (unsigned long)batch * in_h * in_w * channels * sizeof(float));
  for (int b = 0; b < batch; b++) {
    float* image = dx + (long)b * in_h * in_w * channels;
    for (int yr = 0; yr < out_h; yr++) {
      int r0 = yr * stride_h - pad_top;
      int r1 = min_int(in_h, r0 + filter_h);
      for (int yc = 0; yc < out_w; yc++, dy += channels) {
        int c0 = yc * stride_w - pad_left;
        int c1 = min_int(in_w, c0 + filter_w);
        for (int r = max_int(0, r0); r < r1; r++) {
          for (int c = max_int(0, c0); c < c1; c++) add_scaled(image + (r * in_w + c) * channels, dy, w4, w, channels);
        }
      }
    }
  }
}
