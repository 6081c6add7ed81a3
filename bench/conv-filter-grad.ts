/**
 * Filter gradients alone: our WASM SIMD kernel against the path it replaced, same run.
 * The IMDB Conv1D's layers (lecture config, batch 128) against an XNNPACK convolution with
 * the batch in the channel slot; the separable-conv zoo model's pointwise (1x1) layers
 * (bench batch 32, lecture widths) against transpose + matMul: `tsx bench/conv-filter-grad.ts` (TENSORLENS_WASM_THREADS
 * sets the threads). Reports ms per call, the best of several, and the load average.
 */
import { loadavg } from 'os';
import * as tf from '@tensorflow/tfjs';
import { selectBackend } from '../trainer/backend/select-backend';

const LAYERS: Array<{ name: string; x: [number, number, number, number]; filter: [number, number, number, number] }> = [
  { name: 'conv1d_1', x: [128, 1, 500, 128], filter: [1, 7, 128, 32] },
  { name: 'conv1d_2', x: [128, 1, 98, 32], filter: [1, 7, 32, 32] },
  { name: 'pointwise 62x62 3->32', x: [32, 62, 62, 3], filter: [1, 1, 3, 32] },
  { name: 'pointwise 60x60 32->64', x: [32, 60, 60, 32], filter: [1, 1, 32, 64] },
  { name: 'pointwise 28x28 64->64', x: [32, 28, 28, 64], filter: [1, 1, 64, 64] },
  { name: 'pointwise 26x26 64->128', x: [32, 26, 26, 64], filter: [1, 1, 64, 128] },
  { name: 'pointwise 11x11 128->64', x: [32, 11, 11, 128], filter: [1, 1, 128, 64] },
  { name: 'pointwise 9x9 64->128', x: [32, 9, 9, 64], filter: [1, 1, 64, 128] },
];

function previousPath(x: tf.Tensor4D, dy: tf.Tensor4D): tf.Tensor {
  return tf.tidy(() => {
    if (dy.shape[1] === x.shape[1] && dy.shape[2] === x.shape[2]) {
      const [n, h, w, c] = x.shape;
      return tf.matMul(tf.transpose(tf.reshape(x, [n * h * w, c])), tf.reshape(dy, [n * h * w, dy.shape[3]]));
    }
    const grad = tf.conv2d(tf.transpose(x, [3, 1, 2, 0]) as tf.Tensor4D, tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D, 1, 'valid');
    return tf.transpose(grad, [1, 2, 0, 3]);
  });
}

/** Best wall and CPU time of several calls: the machine is shared, so the least disturbed call counts. */
function best(run: () => tf.Tensor, reps = 5): { ms: number; cpuMs: number; out: Float32Array } {
  let ms = Infinity;
  let cpuMs = Infinity;
  let out: Float32Array = new Float32Array();
  for (let i = 0; i < reps; i++) {
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const t = run();
    out = t.dataSync() as Float32Array;
    const cpu = process.cpuUsage(cpuBefore);
    ms = Math.min(ms, performance.now() - started);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
    t.dispose();
  }
  return { ms, cpuMs, out };
}

async function main(): Promise<void> {
  const info = await selectBackend('wasm');
  console.log(`${info.name}, ${info.threads} thread(s); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const layer of LAYERS) {
    const x = tf.randomUniform(layer.x) as tf.Tensor4D;
    const dy = tf.randomUniform([layer.x[0], layer.x[1] - layer.filter[0] + 1, layer.x[2] - layer.filter[1] + 1, layer.filter[3]]) as tf.Tensor4D;
    const ours = best(() => tf.engine().runKernel(tf.Conv2DBackpropFilter, { x, dy }, {
      strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', filterShape: layer.filter,
    }) as tf.Tensor);
    const previous = best(() => previousPath(x, dy));
    const maxDiff = ours.out.reduce((m, v, k) => Math.max(m, Math.abs(v - previous.out[k])), 0);
    console.log(`${layer.name}: SIMD ${ours.ms.toFixed(1)} ms (${ours.cpuMs.toFixed(0)} ms CPU), previous ${previous.ms.toFixed(1)} ms (${previous.cpuMs.toFixed(0)} ms CPU) (max |difference| ${maxDiff.toExponential(1)})`);
    tf.dispose([x, dy]);
  }
  console.log(`load average after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

void main();
