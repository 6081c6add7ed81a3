import * as tf from '@tensorflow/tfjs';

type GradFunc = tf.GradConfig['gradFunc'];

interface Override {
  stock: tf.GradConfig;
  backends: Set<string>;
}

const overrides = new Map<string, Override>();

/**
 * Gradients are registered per kernel name for every backend at once, so a gradient of our own
 * replaces tfjs's for `kernelName` while any backend that has our kernels is installed, and hands
 * over to tfjs's own whenever the active backend is not one of them or `ours` returns null (a case
 * it does not cover). Idempotent per kernel and backend.
 */
export function overrideGradient(kernelName: string, backendName: string, ours: (...args: Parameters<GradFunc>) => ReturnType<GradFunc> | null): void {
  const held = overrides.get(kernelName);
  if (held) {
    held.backends.add(backendName);
    return;
  }
  const stock = tf.getGradient(kernelName);
  if (!stock) return;
  const override: Override = { stock, backends: new Set([backendName]) };
  overrides.set(kernelName, override);
  tf.registerGradient({
    ...stock,
    gradFunc: (dy, saved, attrs) => (override.backends.has(tf.getBackend()) ? ours(dy, saved, attrs) : null) ?? stock.gradFunc(dy, saved, attrs),
  });
}

/** Stops routing for `backendName`; with no backend left, tfjs's own gradient is put back. */
export function restoreGradient(kernelName: string, backendName: string): void {
  const held = overrides.get(kernelName);
  if (!held) return;
  held.backends.delete(backendName);
  if (held.backends.size > 0) return;
  tf.registerGradient(held.stock);
  overrides.delete(kernelName);
}
