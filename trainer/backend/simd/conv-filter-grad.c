// The filter gradient of an NHWC convolution, dW[a, b, c, o] =
//   sum over n, i, j of x[n, i*sh + a - pt, j*sw + b - pl, c] * dy[n, i, j, o],
// without im2col: for each (n, i, a, b) the window positions j run in the innermost
// loop while a tile of 4 input channels x 8 output channels of dW stays in eight
// v128 accumulators, so each x and dy element read feeds 4 or 8 multiply-adds.
// XNNPACK (the previous path, the batch moved into the channel slot) re-reads its
// operand for every block of output rows and ran at twice the forward's cost.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so
// it must use no static data and no shadow stack: everything lives in wasm locals.
// Pointers are byte offsets into that heap. [c_begin, c_end) lets callers split
// the channels between threads; each call writes only its channels' part of dW.
#include <wasm_simd128.h>

typedef struct {
  int n, h, w, c, oh, ow, o, fh, fw, sh, sw, pt, pl;
} shape_t;

// First and one-past-last window position j whose tap b lands inside the row.
static inline int first_j(int b, int pl, int sw) {
  int lo = pl - b;
  return lo <= 0 ? 0 : (lo + sw - 1) / sw;
}
static inline int end_j(int b, int pl, int sw, int w, int ow) {
  int hi = w - 1 + pl - b;
  if (hi < 0) return 0;
  int e = hi / sw + 1;
  return e < ow ? e : ow;
}

// dW[c0..c0+3, o0..o0+7] += sum over j of x[j, c0..c0+3] * dy[j, o0..o0+7].
static void tile4x8(const float* xp, const float* dyp, float* dwp, int xstep, int o, int count) {
  v128_t a00 = wasm_v128_load(dwp), a01 = wasm_v128_load(dwp + 4);
  v128_t a10 = wasm_v128_load(dwp + o), a11 = wasm_v128_load(dwp + o + 4);
  v128_t a20 = wasm_v128_load(dwp + 2 * o), a21 = wasm_v128_load(dwp + 2 * o + 4);
  v128_t a30 = wasm_v128_load(dwp + 3 * o), a31 = wasm_v128_load(dwp + 3 * o + 4);
  for (int j = 0; j < count; j++, xp += xstep, dyp += o) {
    v128_t d0 = wasm_v128_load(dyp), d1 = wasm_v128_load(dyp + 4);
    v128_t x0 = wasm_v128_load32_splat(xp);
    a00 = wasm_f32x4_add(a00, wasm_f32x4_mul(x0, d0));
    a01 = wasm_f32x4_add(a01, wasm_f32x4_mul(x0, d1));
    v128_t x1 = wasm_v128_load32_splat(xp + 1);
    a10 = wasm_f32x4_add(a10, wasm_f32x4_mul(x1, d0));
    a11 = wasm_f32x4_add(a11, wasm_f32x4_mul(x1, d1));
    v128_t x2 = wasm_v128_load32_splat(xp + 2);
    a20 = wasm_f32x4_add(a20, wasm_f32x4_mul(x2, d0));
    a21 = wasm_f32x4_add(a21, wasm_f32x4_mul(x2, d1));
    v128_t x3 = wasm_v128_load32_splat(xp + 3);
    a30 = wasm_f32x4_add(a30, wasm_f32x4_mul(x3, d0));
    a31 = wasm_f32x4_add(a31, wasm_f32x4_mul(x3, d1));
  }
  wasm_v128_store(dwp, a00); wasm_v128_store(dwp + 4, a01);
  wasm_v128_store(dwp + o, a10); wasm_v128_store(dwp + o + 4, a11);
  wasm_v128_store(dwp + 2 * o, a20); wasm_v128_store(dwp + 2 * o + 4, a21);
  wasm_v128_store(dwp + 3 * o, a30); wasm_v128_store(dwp + 3 * o + 4, a31);
}

// One input channel x 8 output channels: the channels left over after the 4-wide tiles.
static void tile1x8(const float* xp, const float* dyp, float* dwp, int xstep, int o, int count) {
  v128_t a0 = wasm_v128_load(dwp), a1 = wasm_v128_load(dwp + 4);
  for (int j = 0; j < count; j++, xp += xstep, dyp += o) {
    v128_t x0 = wasm_v128_load32_splat(xp);
    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(x0, wasm_v128_load(dyp)));
    a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(x0, wasm_v128_load(dyp + 4)));
  }
  wasm_v128_store(dwp, a0); wasm_v128_store(dwp + 4, a1);
}

// Output channels past the last multiple of 8, one dW element at a time.
static void tile_scalar(const float* xp, const float* dyp, float* dwp, int xstep, int o, int count) {
  float acc = *dwp;
  for (int j = 0; j < count; j++, xp += xstep, dyp += o) acc += *xp * *dyp;
  *dwp = acc;
}

// All (c, o) of dW[a, b] for channels [c_begin, c_end), from one x row and one dy row.
static void row(const float* xrow, const float* dyrow, float* dwab, const shape_t* s, int b, int c_begin, int c_end) {
  int j0 = first_j(b, s->pl, s->sw), j1 = end_j(b, s->pl, s->sw, s->w, s->ow);
  if (j1 <= j0) return;
  int count = j1 - j0, xstep = s->sw * s->c, o = s->o, o8 = o & ~7;
  const float* x0 = xrow + (j0 * s->sw + b - s->pl) * s->c;
  const float* dy0 = dyrow + j0 * o;
  int c = c_begin;
  for (; c + 4 <= c_end; c += 4) {
    for (int k = 0; k < o8; k += 8) tile4x8(x0 + c, dy0 + k, dwab + c * o + k, xstep, o, count);
  }
  for (; c < c_end; c++) {
    for (int k = 0; k < o8; k += 8) tile1x8(x0 + c, dy0 + k, dwab + c * o + k, xstep, o, count);
  }
  for (c = c_begin; c < c_end; c++) {
    for (int k = o8; k < o; k++) tile_scalar(x0 + c, dy0 + k, dwab + c * o + k, xstep, o, count);
  }
}

__attribute__((export_name("conv_filter_grad")))
void conv_filter_grad(const float* x, const float* dy, float* dw,
                      int n, int h, int w, int c, int oh, int ow, int o,
                      int fh, int fw, int sh, int sw, int pt, int pl,
                      int c_begin, int c_end) {
  shape_t s = {n, h, w, c, oh, ow, o, fh, fw, sh, sw, pt, pl};
  int span = (c_end - c_begin) * o;
  for (int ab = 0; ab < fh * fw; ab++) __builtin_memset(dw + (ab * c + c_begin) * o, 0, (unsigned)span * 4u);
  for (int ni = 0; ni < n; ni++) {
    for (int i = 0; i < oh; i++) {
      const float* dyrow = dy + ((ni * oh + i) * ow) * o;
      for (int a = 0; a < fh; a++) {
        int r = i * sh + a - pt;
        if (r < 0 || r >= h) continue;
        const float* xrow = x + ((ni * h + r) * w) * c;
        for (int b = 0; b < fw; b++) row(xrow, dyrow, dw + (a * fw + b) * c * o, &s, b, c_begin, c_end);
      }
    }
  }
}
