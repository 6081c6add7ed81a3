import { dimensionOf, gridValues } from './dimension';
import type { Observation, Params, Sampler } from './sampler';
import type { ParamValue, SearchSpace } from './space';

/** The values each param takes on the grid: every choice, and `points` values of a numeric param. */
export function gridAxes(space: SearchSpace, points: number): ParamValue[][] {
  return space.map((spec) => (spec.kind === 'choice' ? spec.choices : gridValues(dimensionOf(spec), points)));
}

function keyOf(space: SearchSpace, params: Params): string {
  return JSON.stringify(space.map((spec) => params[spec.name] ?? null));
}

/**
 * Grid search. Points come in a fixed order, the last param varying fastest (as nested loops over the
 * params in the order given), and each proposal is the first point no trial has taken yet: a resumed
 * or failed-and-retried sweep picks up where it stopped, whatever order its trials finished in.
 */
export class GridSampler implements Sampler {
  private readonly axes: ParamValue[][];
  /** How many points the grid has. */
  readonly size: number;

  /** `points` values per numeric param (all of an int or quantised param's values when it has fewer). */
  constructor(
    private readonly space: SearchSpace,
    points: number,
  ) {
    if (!(Number.isInteger(points) && points >= 1)) throw new RangeError(`grid points per param must be a positive integer, got ${points}`);
    this.axes = gridAxes(space, points);
    this.size = this.axes.reduce((n, axis) => n * axis.length, 1);
  }

  /** The i-th point of the grid, reading i as a mixed-radix number over the axes. */
  point(index: number): Params {
    const params: Params = {};
    let rest = index;
    for (let d = this.axes.length - 1; d >= 0; d--) {
      const axis = this.axes[d];
      params[this.space[d].name] = axis[rest % axis.length];
      rest = Math.floor(rest / axis.length);
    }
    return Object.fromEntries(this.space.map((spec) => [spec.name, params[spec.name]]));
  }

  /** Null once every point has been proposed. */
  propose(history: readonly Observation[]): Params | null {
    const taken = new Set(history.map((trial) => keyOf(this.space, trial.params)));
    for (let i = 0; i < this.size; i++) {
      const params = this.point(i);
      if (!taken.has(keyOf(this.space, params))) return params;
    }
    return null;
  }
}
