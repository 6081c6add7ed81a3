/**
 * Standard test functions for global optimisation, as in Bergstra et al. and the Bayesian-optimisation
 * literature, with their known minima (Surjanovic and Bingham's Virtual Library of Simulation
 * Experiments gives the definitions used here).
 */
import type { Params } from '../lib/sweep/sampler';
import type { SearchSpace } from '../lib/sweep/space';

/** A function to minimise over a search space; evaluate may be async so a real training run fits. */
export interface SearchObjective {
  name: string;
  space: SearchSpace;
  /** The known minimum, for the regret column; null for a real objective whose minimum is unknown. */
  optimum: number | null;
  evaluate(params: Params): number | Promise<number>;
}

const x = (params: Params, name: string) => params[name] as number;

/** Branin–Hoo on [−5, 10] × [0, 15]: three global minima of 0.397887. */
export const branin: SearchObjective = {
  name: 'branin',
  space: [
    { name: 'x1', kind: 'uniform', low: -5, high: 10 },
    { name: 'x2', kind: 'uniform', low: 0, high: 15 },
  ],
  optimum: 0.397887,
  evaluate(params) {
    const [x1, x2] = [x(params, 'x1'), x(params, 'x2')];
    const b = 5.1 / (4 * Math.PI ** 2);
    const c = 5 / Math.PI;
    const t = 1 / (8 * Math.PI);
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
};

const ALPHA = [1.0, 1.2, 3.0, 3.2];
const A = [
  [10, 3, 17, 3.5, 1.7, 8],
  [0.05, 10, 17, 0.1, 8, 14],
  [3, 3.5, 1.7, 10, 17, 8],
  [17, 8, 0.05, 10, 0.1, 14],
];
const P = [
  [1312, 1696, 5569, 124, 8283, 5886],
  [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650],
  [4047, 8828, 8732, 5743, 1091, 381],
].map((row) => row.map((v) => v * 1e-4));
const HARTMANN_DIMS = ['x1', 'x2', 'x3', 'x4', 'x5', 'x6'];

/** Hartmann-6 on [0, 1]⁶: six local minima, the global one −3.32237. */
export const hartmann6: SearchObjective = {
  name: 'hartmann6',
  space: HARTMANN_DIMS.map((name) => ({ name, kind: 'uniform', low: 0, high: 1 })),
  optimum: -3.32237,
  evaluate(params) {
    let sum = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      HARTMANN_DIMS.forEach((name, j) => (inner += A[i][j] * (x(params, name) - P[i][j]) ** 2));
      sum += ALPHA[i] * Math.exp(-inner);
    }
    return -sum;
  },
};
