// The filter gradient of an NHWC depthwise convolution with channel multiplier m,
//   dW[a, b, k] = sum over n, i, j of x[n, i*sh + a*dh - pt, j*sw + b*dw - pl, k / m] * dy[n, i, j, k]
// for k = c*m + q, the flat [C * m] channel index that dW and dy share. For each
// (n, i, a, b) the window positions j run innermost while a block of 16 channels of
// dW stays in four v128 accumulators: each x and dy read feeds one multiply-add,
// against the JS walk's float64 callback per tap and pixel (1.2 s of a 4 s
// SeparableConv2D step). m > 1 (never a SeparableConv2D) takes a scalar loop.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so
// it must use no static data and no shadow stack: everything lives in wasm locals.
// Pointers are byte offsets into that heap. [k_begin, k_end) lets callers split the
// channels between threads; each call writes only its channels of dW.
#include <wasm_simd128.h>

typedef struct {
  int h, w, c, oh, ow, m, fh, fw, sh, sw, dh, dw, pt, pl;
} shape_t;

// First and one-past-last window position j whose tap b lands inside the row.
static inline int first_j(int b, const shape_t* s) {
  int lo = s->pl - b * s->dw;
  return lo <= 0 ? 0 : (lo + s->sw - 1) / s->sw;
}
static inline int end_j(int b, const shape_t* s) {
  int hi = s->w - 1 + s->pl - b * s->dw;
  if (hi < 0) return 0;
  int e = hi / s->sw + 1;
  return e < s->ow ? e : s->ow;
}

// dW[k .. k + 4 * lanes) += sum over j of x[j, k ..] * dy[j, k ..], multiplier 1.
static inline void block(const float* xp, const float* dyp, float* dwp, int xstep, int dystep, int count, int lanes) {
  v128_t a0 = wasm_v128_load(dwp);
  v128_t a1 = lanes > 1 ? wasm_v128_load(dwp + 4) : a0;
  v128_t a2 = lanes > 2 ? wasm_v128_load(dwp + 8) : a0;
  v128_t a3 = lanes > 3 ? wasm_v128_load(dwp + 12) : a0;
  for (int j = 0; j < count; j++, xp += xstep, dyp += dystep) {
    a0 = wasm_f32x4_add(a0, wasm_f32x4_mul(wasm_v128_load(xp), wasm_v128_load(dyp)));
    if (lanes > 1) a1 = wasm_f32x4_add(a1, wasm_f32x4_mul(wasm_v128_load(xp + 4), wasm_v128_load(dyp + 4)));
    if (lanes > 2) a2 = wasm_f32x4_add(a2, wasm_f32x4_mul(wasm_v128_load(xp + 8), wasm_v128_load(dyp + 8)));
    if (lanes > 3) a3 = wasm_f32x4_add(a3, wasm_f32x4_mul(wasm_v128_load(xp + 12), wasm_v128_load(dyp + 12)));
  }
  wasm_v128_store(dwp, a0);
  if (lanes > 1) wasm_v128_store(dwp + 4, a1);
  if (lanes > 2) wasm_v128_store(dwp + 8, a2);
  if (lanes > 3) wasm_v128_store(dwp + 12, a3);
}

// One dW element; x[j, k / m] pairs with dy[j, k].
static void single(const float* xp, const float* dyp, float* dwp, int xstep, int dystep, int count) {
  float acc = *dwp;
  for (int j = 0; j < count; j++, xp += xstep, dyp += dystep) acc += *xp * *dyp;
  *dwp = acc;
}

// Channels [k_begin, k_end) of dW[a, b] from one x row and one dy row.
static void tap(const float* xrow, const float* dyrow, float* dwab, const shape_t* s, int b, int k_begin, int k_end) {
  int j0 = first_j(b, s), j1 = end_j(b, s);
  if (j1 <= j0) return;
  int count = j1 - j0, xstep = s->sw * s->c, dystep = s->c * s->m;
  const float* x0 = xrow + (j0 * s->sw + b * s->dw - s->pl) * s->c;
  const float* dy0 = dyrow + j0 * dystep;
  int k = k_begin;
  if (s->m == 1) {
    for (; k + 16 <= k_end; k += 16) block(x0 + k, dy0 + k, dwab + k, xstep, dystep, count, 4);
    for (; k + 4 <= k_end; k += 4) block(x0 + k, dy0 + k, dwab + k, xstep, dystep, count, 1);
  }
  for (; k < k_end; k++) single(x0 + k / s->m, dy0 + k, dwab + k, xstep, dystep, count);
}

__attribute__((export_name("depthwise_filter_grad")))
void depthwise_filter_grad(const float* x, const float* dy, float* dw,
                           int n, int h, int w, int c, int oh, int ow, int m,
                           int fh, int fw, int sh, int sw, int dh, int dwid, int pt, int pl,
                           int k_begin, int k_end) {
  shape_t s = {h, w, c, oh, ow, m, fh, fw, sh, sw, dh, dwid, pt, pl};
  int km = c * m;
  for (int ab = 0; ab < fh * fw; ab++) __builtin_memset(dw + ab * km + k_begin, 0, (unsigned)(k_end - k_begin) * 4u);
  for (int ni = 0; ni < n; ni++) {
    for (int i = 0; i < oh; i++) {
      const float* dyrow = dy + ((ni * oh + i) * ow) * km;
      for (int a = 0; a < fh; a++) {
        int r = i * sh + a * dh - pt;
        if (r < 0 || r >= h) continue;
        const float* xrow = x + ((ni * h + r) * w) * c;
        for (int b = 0; b < fw; b++) tap(xrow, dyrow, dw + (a * fw + b) * km, &s, b, k_begin, k_end);
      }
    }
  }
}
