// An LSTM layer's recurrence (tanh activation, zero initial states) over batch rows [from, to),
// forward and backward, for trainer/backend/lstm-steps.ts. Per step and row, h·U (or dz·Uᵀ
// backward) is a 4·units-wide multiply-add over units broadcast values, then the gates; the JS
// recurrence (lstm-recurrence.ts) did the same with scalar float64, about 90 % of the 2-input
// LSTM's step. Rows never mix, so every thread runs the same call and takes the next row from a
// shared counter until none is left: a thread the OS does not run (a loaded machine) leaves its
// rows to the others instead of holding up the step, and a row's values never depend on who
// computed it.
//
// Layouts (float32, row-major; W = 4 * units, gates in tfjs-layers' order i, f, g, o):
//   zx, gates, dz [batch, steps, W]; c, hprev [batch, steps, units] (hprev: the previous step's
//   output, zeros at step 0: what the recurrent kernel multiplied); u [units, W]; out and dy
//   [batch, steps, units] with `sequences`, else [batch, units]. Backward also writes dzt, dz
//   transposed [W, batch * steps]: the weights' gradients (dzᵀ·x)ᵀ and (dzᵀ·hprev)ᵀ are then
//   products of untransposed operands, where tfjs-backend-wasm would transpose x and hprev.
//
// Built without libc and with an imported memory (tfjs-backend-wasm's own heap), so it must use
// no static data and no shadow stack: the backward pass's scratch comes from the caller.
#include <wasm_simd128.h>

typedef float f4 __attribute__((vector_size(16)));

static inline f4 splat(float x) { return (f4){x, x, x, x}; }
static inline f4 load(const float* p) { return (f4)wasm_v128_load(p); }
static inline void store(float* p, f4 v) { wasm_v128_store(p, (v128_t)v); }
static inline f4 vmin(f4 a, f4 b) { return (f4)wasm_f32x4_min((v128_t)a, (v128_t)b); }
static inline f4 vmax(f4 a, f4 b) { return (f4)wasm_f32x4_max((v128_t)a, (v128_t)b); }

/** The first n (1..4) floats at p, zeros after: rows of `units` floats need not be whole vectors. */
static inline f4 load_n(const float* p, int n) {
  if (n == 4) return load(p);
  return (f4){p[0], n > 1 ? p[1] : 0.0f, n > 2 ? p[2] : 0.0f, 0.0f};
}

static inline void store_n(float* p, f4 v, int n) {
  if (n == 4) { store(p, v); return; }
  p[0] = v[0];
  if (n > 1) p[1] = v[1];
  if (n > 2) p[2] = v[2];
}

/** e^x, Cephes's expf: x = n ln2 + r, a degree-5 polynomial for e^r, 2^n from the exponent bits. */
static inline f4 exp4(f4 x) {
  x = vmin(vmax(x, splat(-87.0f)), splat(88.0f));
  f4 n = (f4)wasm_f32x4_floor((v128_t)(x * splat(1.44269504088896341f) + splat(0.5f)));
  x = x - n * splat(0.693359375f) - n * splat(-2.12194440e-4f);
  f4 y = splat(1.9875691500e-4f);
  y = y * x + splat(1.3981999507e-3f);
  y = y * x + splat(8.3334519073e-3f);
  y = y * x + splat(4.1665795894e-2f);
  y = y * x + splat(1.6666665459e-1f);
  y = y * x + splat(5.0000001201e-1f);
  y = y * x * x + x + splat(1.0f);
  v128_t scale = wasm_i32x4_shl(wasm_i32x4_add(wasm_i32x4_trunc_sat_f32x4((v128_t)n), wasm_i32x4_splat(127)), 23);
  return y * (f4)scale;
}

/**
 * tanh as Eigen's rational approximation x·P(x²)/Q(x²) on [-7.9, 7.9] (within 3.3e-7 of
 * tanh there, and ±1 in float32 beyond): half the work of one from e^x, and the forward pass
 * takes two per unit and step.
 */
static inline f4 tanh4(f4 a) {
  f4 x = vmin(vmax(a, splat(-7.90531110763549805f)), splat(7.90531110763549805f));
  f4 x2 = x * x;
  f4 p = x2 * splat(-2.76076847742355e-16f) + splat(2.00018790482477e-13f);
  p = x2 * p + splat(-8.60467152213735e-11f);
  p = x2 * p + splat(5.12229709037114e-08f);
  p = x2 * p + splat(1.48572235717979e-05f);
  p = x2 * p + splat(6.37261928875436e-04f);
  p = x2 * p + splat(4.89352455891786e-03f);
  f4 q = x2 * splat(1.19825839466702e-06f) + splat(1.18534705686654e-04f);
  q = x2 * q + splat(2.26843463243900e-03f);
  q = x2 * q + splat(4.89352518554385e-03f);
  // Near zero tanh(x) is x to float precision.
  v128_t tiny = wasm_f32x4_lt(wasm_f32x4_abs((v128_t)a), wasm_f32x4_splat(0.0004f));
  return (f4)wasm_v128_bitselect((v128_t)a, (v128_t)(x * p / q), tiny);
}

/** The gate activation: Keras's hard sigmoid clip(0.2 z + 0.5, 0, 1), or the sigmoid. */
static inline f4 gate(f4 z, int sigmoid) {
  if (sigmoid) return splat(1.0f) / (splat(1.0f) + exp4(-z));
  return vmin(vmax(splat(0.2f) * z + splat(0.5f), splat(0.0f)), splat(1.0f));
}

/** The gate's derivative from its output s (the hard sigmoid is flat where clipped). */
static inline f4 slope(f4 s, int sigmoid) {
  if (sigmoid) return s * (splat(1.0f) - s);
  v128_t inside = wasm_v128_and(wasm_f32x4_gt((v128_t)s, wasm_f32x4_splat(0.0f)), wasm_f32x4_lt((v128_t)s, wasm_f32x4_splat(1.0f)));
  return (f4)wasm_v128_and(inside, wasm_f32x4_splat(0.2f));
}

/**
 * acc[0..cols) = init[0..cols) + sum over r < rows of v[r] * m[r * stride ..]: cols is a multiple
 * of 4; 16 columns a pass keep four accumulators in registers while the rows stream by.
 */
static void multiply_add(float* acc, const float* init, const float* v, const float* m, int rows, int cols, int stride) {
  int k = 0;
  for (; k + 16 <= cols; k += 16) {
    f4 a0 = init ? load(init + k) : splat(0), a1 = init ? load(init + k + 4) : splat(0);
    f4 a2 = init ? load(init + k + 8) : splat(0), a3 = init ? load(init + k + 12) : splat(0);
    for (int r = 0; r < rows; r++) {
      f4 s = splat(v[r]);
      const float* mr = m + r * stride + k;
      a0 += s * load(mr);
      a1 += s * load(mr + 4);
      a2 += s * load(mr + 8);
      a3 += s * load(mr + 12);
    }
    store(acc + k, a0); store(acc + k + 4, a1); store(acc + k + 8, a2); store(acc + k + 12, a3);
  }
  for (; k < cols; k += 4) {
    f4 a = init ? load(init + k) : splat(0);
    for (int r = 0; r < rows; r++) a += splat(v[r]) * load(m + r * stride + k);
    store(acc + k, a);
  }
}

/** The next row nobody has taken yet, or `batch` when all are. */
static inline int take_row(int* next, int batch) {
  int b = __atomic_fetch_add(next, 1, __ATOMIC_RELAXED);
  return b < batch ? b : batch;
}

__attribute__((export_name("lstm_forward")))
void lstm_forward(const float* zx, const float* u, float* gates, float* c, float* hprev, float* out,
                  int steps, int units, int sigmoid, int sequences, int* next, int batch) {
  int w = 4 * units;
  for (int b = take_row(next, batch); b < batch; b = take_row(next, batch)) {
    for (int j = 0; j < units; j++) hprev[b * steps * units + j] = 0.0f;
    for (int t = 0; t < steps; t++) {
      int at = b * steps + t;
      float* g = gates + at * w;
      // Step 0's previous output is zero: the gates are the input projection alone.
      multiply_add(g, zx + at * w, hprev + at * units, u, t > 0 ? units : 0, w, w);
      for (int j = 0; j < units; j += 4) {
        int n = units - j < 4 ? units - j : 4;
        f4 i = gate(load_n(g + j, n), sigmoid);
        f4 f = gate(load_n(g + units + j, n), sigmoid);
        f4 cand = tanh4(load_n(g + 2 * units + j, n));
        f4 o = gate(load_n(g + 3 * units + j, n), sigmoid);
        f4 cell = i * cand;
        if (t > 0) cell += f * load_n(c + (at - 1) * units + j, n);
        f4 h = o * tanh4(cell);
        store_n(g + j, i, n); store_n(g + units + j, f, n); store_n(g + 2 * units + j, cand, n); store_n(g + 3 * units + j, o, n);
        store_n(c + at * units + j, cell, n);
        if (t + 1 < steps) store_n(hprev + (at + 1) * units + j, h, n);
        if (sequences) store_n(out + at * units + j, h, n);
        else if (t + 1 == steps) store_n(out + b * units + j, h, n);
      }
    }
  }
}

/** Floats of scratch one backward call needs (each thread its own): Uᵀ padded to whole vectors, dh and dc. */
__attribute__((export_name("lstm_backward_scratch")))
int lstm_backward_scratch(int units) {
  int padded = (units + 3) & ~3;
  return 4 * units * padded + 2 * padded;
}

__attribute__((export_name("lstm_backward")))
void lstm_backward(const float* gates, const float* c, const float* u, const float* dy, float* dz, float* dzt, float* scratch,
                   int steps, int units, int sigmoid, int sequences, int* next, int batch) {
  int w = 4 * units, padded = (units + 3) & ~3, total = batch * steps;
  float* ut = scratch;
  float* dh = ut + w * padded;
  float* dc = dh + padded;
  // dh = dz·Uᵀ walks Uᵀ's rows, so they are laid out whole; the padding columns stay zero.
  for (int k = 0; k < w; k++) {
    for (int j = 0; j < padded; j++) ut[k * padded + j] = j < units ? u[j * w + k] : 0.0f;
  }
  for (int b = take_row(next, batch); b < batch; b = take_row(next, batch)) {
    for (int j = 0; j < padded; j++) dh[j] = dc[j] = 0.0f;
    for (int t = steps - 1; t >= 0; t--) {
      int at = b * steps + t;
      const float* g = gates + at * w;
      float* d = dz + at * w;
      const float* dyt = sequences ? dy + at * units : t == steps - 1 ? dy + b * units : 0;
      for (int j = 0; j < units; j += 4) {
        int n = units - j < 4 ? units - j : 4;
        f4 dout = load(dh + j);
        if (dyt) dout += load_n(dyt + j, n);
        f4 i = load_n(g + j, n), f = load_n(g + units + j, n), cand = load_n(g + 2 * units + j, n), o = load_n(g + 3 * units + j, n);
        f4 tc = tanh4(load_n(c + at * units + j, n));
        f4 dcell = load(dc + j) + dout * o * (splat(1.0f) - tc * tc);
        store(dc + j, dcell * f);
        f4 cprev = t > 0 ? load_n(c + (at - 1) * units + j, n) : splat(0.0f);
        store_n(d + j, dcell * cand * slope(i, sigmoid), n);
        store_n(d + units + j, dcell * cprev * slope(f, sigmoid), n);
        store_n(d + 2 * units + j, dcell * i * (splat(1.0f) - cand * cand), n);
        store_n(d + 3 * units + j, dout * tc * slope(o, sigmoid), n);
      }
      if (t > 0) multiply_add(dh, 0, d, ut, w, padded, padded);
    }
    // This row's dz into dzt, a run of `steps` floats per column: a float per column and step
    // put every column's line in one cache set when batch * steps * 4 bytes is a multiple of 4 KB.
    for (int k = 0; k < w; k++) {
      const float* from = dz + b * steps * w + k;
      float* to = dzt + k * total + b * steps;
      for (int t = 0; t < steps; t++) to[t] = from[t * w];
    }
  }
}
