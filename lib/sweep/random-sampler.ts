import { dimensionOf, valueAt } from './dimension';
import type { Params, Rng, Sampler } from './sampler';
import type { ParamSpec, ParamValue, SearchSpace } from './space';

/** One draw from a param's prior: uniform over its internal interval, or over its choices. */
export function drawParam(spec: ParamSpec, rng: Rng): ParamValue {
  if (spec.kind === 'choice') return spec.choices[Math.floor(rng() * spec.choices.length)];
  const dim = dimensionOf(spec);
  return valueAt(dim, dim.low + rng() * (dim.high - dim.low));
}

/** Params drawn independently from every param's prior, in the space's order. */
export function drawParams(space: SearchSpace, rng: Rng): Params {
  const params: Params = {};
  for (const spec of space) params[spec.name] = drawParam(spec, rng);
  return params;
}

/** Random search (Bergstra and Bengio 2012): every trial an independent draw from the prior. */
export class RandomSampler implements Sampler {
  constructor(private readonly space: SearchSpace) {}

  propose(_history: unknown, rng: Rng): Params {
    return drawParams(this.space, rng);
  }
}
