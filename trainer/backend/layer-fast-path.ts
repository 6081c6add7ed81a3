import * as tf from '@tensorflow/tfjs';

/** The `call` of a tfjs-layers layer class, with the layer as `this`. */
export type LayerCall<T> = (this: T, inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>) => tf.Tensor | tf.Tensor[];

/** The prototype of a tfjs-layers class by its Keras name, whose `call` a fast path patches. */
export function layerPrototype<T>(className: string): { call: LayerCall<T> } {
  // tfjs does not export the layer classes; its serialization registry holds them under their Keras names.
  const [layerClass] = tf.serialization.SerializationMap.getMap().classNameMap[className] as unknown as [{ prototype: { call: LayerCall<T> } }];
  return layerClass.prototype;
}

/**
 * What a layer computes on one tensor through our fused kernels, or undefined where they do not
 * fit (the layer's settings, the call's kwargs), so that the stock call runs instead.
 */
export type FusedCall<T> = (layer: T, x: tf.Tensor, kwargs: Record<string, unknown>) => tf.Tensor | undefined;

export interface LayerFastPath {
  /** Routes the class's calls through the fused one while `backendName` is active. Idempotent. */
  install(backendName: string): void;
  /** Turns it off for `backendName`; with no backend left, tfjs-layers' call is put back. */
  remove(backendName: string): void;
}

/** Patches the `call` of tfjs-layers class `className` so that, on the backends installed, `fused` runs first. */
export function layerFastPath<T>(className: string, fused: FusedCall<T>): LayerFastPath {
  const backends = new Set<string>();
  let stockCall: LayerCall<T> | undefined;
  return {
    install(backendName) {
      backends.add(backendName);
      if (stockCall) return;
      const prototype = layerPrototype<T>(className);
      const stock = prototype.call;
      stockCall = stock;
      prototype.call = function (this: T, inputs, kwargs) {
        // Layer.apply hands over a one-tensor list when it was given one.
        const x = Array.isArray(inputs) && inputs.length === 1 ? inputs[0] : inputs;
        const y = Array.isArray(x) || !backends.has(tf.getBackend()) ? undefined : fused(this, x, kwargs);
        return y ?? stock.call(this, inputs, kwargs);
      };
    },
    remove(backendName) {
      backends.delete(backendName);
      if (!stockCall || backends.size > 0) return;
      layerPrototype<T>(className).call = stockCall;
      stockCall = undefined;
    },
  };
}
