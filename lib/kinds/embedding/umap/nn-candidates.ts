/**
 * Up to `size` values per row, a uniform sample of those offered (reservoir sampling): the rows
 * NN-descent joins each row's neighbours through. Plain arrays, so a second thread can read them.
 */
export class Candidates {
  constructor(
    readonly values: Int32Array,
    readonly seen: Int32Array,
    readonly size: number,
  ) {}

  static create(rows: number, size: number, shared: boolean): Candidates {
    const Buffer = shared ? SharedArrayBuffer : ArrayBuffer;
    return new Candidates(new Int32Array(new Buffer(4 * rows * size)), new Int32Array(new Buffer(4 * rows)), size);
  }

  clear(): void {
    this.seen.fill(0);
  }
  add(row: number, value: number, random: () => number): void {
    const seen = this.seen[row]++;
    const slot = seen < this.size ? seen : Math.floor(random() * (seen + 1));
    if (slot < this.size) this.values[row * this.size + slot] = value;
  }
  count(row: number): number {
    return Math.min(this.seen[row], this.size);
  }
  has(row: number, value: number): boolean {
    const o = row * this.size;
    for (let s = 0, n = this.count(row); s < n; s++) if (this.values[o + s] === value) return true;
    return false;
  }
}
