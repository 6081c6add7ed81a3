// Float32 elementwise kernels for kernels/elementwise.ts: out = a (+, *, /) b where a and out
// are [outer, mid, inner] and b is read at o * b_outer + m * b_mid + i * b_inner (b_inner
// 0 or 1), which covers equal shapes, a bias row, a column broadcast ([128, 1] against
// [128, 5]) and a broadcast over middle axes ([N, 1, 1, C] against [N, H, W, C]); and relu.
// In tfjs-backend-wasm's threaded build every such op is handed to XNNPACK's thread pool;
// for a few hundred KB (or a few hundred floats) the hand-off costs more than the work.
// A bias's width is usually 8 or 16 channels, so those widths keep it in registers.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so it
// must use no static data and no shadow stack.
#include <wasm_simd128.h>

enum { ADD = 0, MUL = 1, DIV = 2 };

static inline v128_t apply(int op, v128_t a, v128_t b) {
  return op == ADD ? wasm_f32x4_add(a, b) : op == MUL ? wasm_f32x4_mul(a, b) : wasm_f32x4_div(a, b);
}
static inline float apply1(int op, float a, float b) { return op == ADD ? a + b : op == MUL ? a * b : a / b; }

static void run_vector(int op, const float* a, const float* b, float* out, int inner) {
  int i = 0;
  for (; i + 4 <= inner; i += 4) wasm_v128_store(out + i, apply(op, wasm_v128_load(a + i), wasm_v128_load(b + i)));
  for (; i < inner; i++) out[i] = apply1(op, a[i], b[i]);
}

static void run_splat(int op, const float* a, float b, float* out, int inner) {
  v128_t b4 = wasm_f32x4_splat(b);
  int i = 0;
  for (; i + 4 <= inner; i += 4) wasm_v128_store(out + i, apply(op, wasm_v128_load(a + i), b4));
  for (; i < inner; i++) out[i] = apply1(op, a[i], b);
}

static void rows8(int op, const float* a, const float* b, float* out, int rows) {
  v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4);
  for (int r = 0; r < rows; r++, a += 8, out += 8) {
    wasm_v128_store(out, apply(op, wasm_v128_load(a), b0));
    wasm_v128_store(out + 4, apply(op, wasm_v128_load(a + 4), b1));
  }
}

static void rows16(int op, const float* a, const float* b, float* out, int rows) {
  v128_t b0 = wasm_v128_load(b), b1 = wasm_v128_load(b + 4), b2 = wasm_v128_load(b + 8), b3 = wasm_v128_load(b + 12);
  for (int r = 0; r < rows; r++, a += 16, out += 16) {
    wasm_v128_store(out, apply(op, wasm_v128_load(a), b0));
    wasm_v128_store(out + 4, apply(op, wasm_v128_load(a + 4), b1));
    wasm_v128_store(out + 8, apply(op, wasm_v128_load(a + 8), b2));
    wasm_v128_store(out + 12, apply(op, wasm_v128_load(a + 12), b3));
  }
}

__attribute__((export_name("binary")))
void binary(int op, const float* a, const float* b, float* out, int outer, int mid, int inner, int b_outer, int b_mid, int b_inner) {
  for (int o = 0; o < outer; o++, a += mid * inner, out += mid * inner) {
    const float* bo = b + o * b_outer;
    if (b_inner == 1 && b_mid == 0 && inner == 8) rows8(op, a, bo, out, mid);
    else if (b_inner == 1 && b_mid == 0 && inner == 16) rows16(op, a, bo, out, mid);
    else if (b_inner == 1) {
      for (int m = 0; m < mid; m++) run_vector(op, a + m * inner, bo + m * b_mid, out + m * inner, inner);
    } else {
      for (int m = 0; m < mid; m++) run_splat(op, a + m * inner, bo[m * b_mid], out + m * inner, inner);
    }
  }
}

// max(x, 0); NaN stays NaN, as in tfjs's relu.
__attribute__((export_name("relu")))
void relu(const float* x, float* out, int size) {
  v128_t zero = wasm_f32x4_splat(0);
  int i = 0;
  for (; i + 4 <= size; i += 4) wasm_v128_store(out + i, wasm_f32x4_max(wasm_v128_load(x + i), zero));
  for (; i < size; i++) out[i] = x[i] != x[i] || x[i] >= 0 ? x[i] : 0;
}
