// GatherV2's slice copies: out gets, for each batch b and outer index o, the slices
// x[b, o, idx[b, i]] in order. Slices are copied as bytes (memory.copy), so any
// dtype works; the caller has checked every index. JS paid for a subarray per
// slice: 64,000 of them per IMDB Conv1D Embedding lookup.
// No libc, no static data, no shadow stack: see conv-filter-grad.c.

__attribute__((export_name("gather")))
void gather(const char* x, const int* idx, char* out, int batch, int outer, int dim, int slice_bytes, int per_batch) {
  for (int b = 0; b < batch; b++) {
    for (int o = 0; o < outer; o++) {
      const char* base = x + (unsigned)((b * outer + o) * dim) * (unsigned)slice_bytes;
      for (int i = 0; i < per_batch; i++, out += slice_bytes) {
        __builtin_memcpy(out, base + (unsigned)idx[b * per_batch + i] * (unsigned)slice_bytes, (unsigned)slice_bytes);
      }
    }
  }
}
