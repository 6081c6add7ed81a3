import * as tf from '@tensorflow/tfjs';
import { allocate, view, type NumericArray } from '../tensor-memory';
import { isWasmBackend, wasmAlias } from '../wasm-heap';

// Stock wasm's Transpose walks element by element with a generic index map for
// most permutations: moving the batch axis of the IMDB Conv1D's Embedding output
// ([128, 500, 128] -> [128, 500, 128] reversed) took 45 ms of a 620 ms step, and
// the Embedding gradient's identity permutation copies 32 MB. Here axes of size 1
// are dropped and axes that stay neighbours are merged; then an identity is a
// shared buffer and a permutation that moves the last axis is copied in square
// tiles, so reads and writes both stay in cache (3x less CPU time than stock for
// that one). Permutations that keep the last axis copy whole rows, which stock
// does well (better than JS for rows of 32), so they stay with it.

const TILE = 32;

/** The permutation with size-1 axes dropped and axes that stay adjacent merged. */
export function collapsePermutation(shape: number[], perm: number[]): { shape: number[]; perm: number[] } {
  // Neighbours once the size-1 axes are gone: ranks among the kept axes, in input order.
  const keptInOrder = shape.map((_, axis) => axis).filter((axis) => shape[axis] !== 1);
  const groups: number[][] = [];
  for (const axis of perm.filter((a) => shape[a] !== 1)) {
    const last = groups[groups.length - 1];
    if (last && keptInOrder.indexOf(last[last.length - 1]) + 1 === keptInOrder.indexOf(axis)) last.push(axis);
    else groups.push([axis]);
  }
  // Number the merged axes in input order.
  const order = [...groups].sort((a, b) => a[0] - b[0]);
  return {
    shape: order.map((g) => g.reduce((size, axis) => size * shape[axis], 1)),
    perm: groups.map((g) => order.indexOf(g)),
  };
}

function stridesOf(shape: number[]): number[] {
  const strides = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/** Calls visit(inOffset, outOffset) for every index of `axes`, with each axis' input and output stride. */
function forEachIndex(sizes: number[], inStrides: number[], outStrides: number[], visit: (inAt: number, outAt: number) => void): void {
  const index = new Array<number>(sizes.length).fill(0);
  let inAt = 0;
  let outAt = 0;
  for (;;) {
    visit(inAt, outAt);
    let d = sizes.length - 1;
    for (; d >= 0; d--) {
      index[d]++;
      inAt += inStrides[d];
      outAt += outStrides[d];
      if (index[d] < sizes[d]) break;
      inAt -= inStrides[d] * sizes[d];
      outAt -= outStrides[d] * sizes[d];
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

function copyTiles(src: NumericArray, dst: NumericArray, shape: number[], perm: number[]): void {
  const rank = shape.length;
  const inStrides = stridesOf(shape);
  const outStridesByOut = stridesOf(perm.map((a) => shape[a]));
  const outStrides = new Array<number>(rank);
  perm.forEach((axis, position) => { outStrides[axis] = outStridesByOut[position]; });
  // u: contiguous in the input (its last axis); v: contiguous in the output.
  const u = rank - 1;
  const v = perm[rank - 1];
  const rest = shape.map((_, a) => a).filter((a) => a !== u && a !== v);
  const nu = shape[u];
  const nv = shape[v];
  const inV = inStrides[v];
  const outU = outStrides[u];
  forEachIndex(rest.map((a) => shape[a]), rest.map((a) => inStrides[a]), rest.map((a) => outStrides[a]), (inBase, outBase) => {
    for (let v0 = 0; v0 < nv; v0 += TILE) {
      const v1 = Math.min(nv, v0 + TILE);
      for (let u0 = 0; u0 < nu; u0 += TILE) {
        const u1 = Math.min(nu, u0 + TILE);
        for (let i = v0; i < v1; i++) {
          const from = inBase + i * inV;
          const to = outBase + i;
          for (let j = u0; j < u1; j++) dst[to + j * outU] = src[from + j];
        }
      }
    }
  });
}

export function transposeConfig(backendName: string, stock?: tf.KernelConfig): tf.KernelConfig | undefined {
  if (!stock) return undefined;
  const kernelFunc: tf.KernelFunc = (args) => {
    const { inputs, backend, attrs } = args;
    const { x } = inputs as { x: tf.TensorInfo };
    const { perm } = attrs as unknown as tf.TransposeAttrs;
    if (!isWasmBackend(backend) || x.dtype === 'string' || x.dtype === 'complex64') return stock.kernelFunc(args);
    const outShape = perm.map((axis) => x.shape[axis]);
    const collapsed = collapsePermutation(x.shape, perm);
    if (collapsed.perm.every((axis, i) => axis === i)) return wasmAlias(backend, x, outShape);
    const last = collapsed.perm.length - 1;
    if (collapsed.perm[last] === last) return stock.kernelFunc(args);
    const { info, values: out } = allocate(backend, outShape, x.dtype);
    if (tf.util.sizeFromShape(outShape) === 0) return info;
    const src = view(backend, x);
    copyTiles(src, out, collapsed.shape, collapsed.perm);
    return info;
  };
  return { ...stock, kernelName: tf.Transpose, backendName, kernelFunc };
}
