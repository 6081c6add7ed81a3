/**
 * Search: TPE against random search on a fixed budget of trials, over many seeds, minimising standard
 * test functions. Prints the best value reached after N trials (mean ± standard deviation over the
 * seeds) and, as the last line, JSON with `tpe_trials_to_match_random40`: per function, the fewest
 * TPE trials whose mean best value reaches random search's mean best-of-40 (null if TPE does not
 * within the budget). Goal: ≤ 20. TPE runs with its defaults (the joint, multivariate estimator) and,
 * for comparison, with the paper's and Hyperopt's independent 1-D estimators (`tpe-1d`).
 *
 * Both methods take trial i's draws from trialRng(seed, i), so with the same seed TPE's first trial
 * is random search's first; its other startup trials are the farthest of several prior draws from
 * the trials before (startup-design.ts), and from the 6th on it models. BENCH_IMDB_SEEDS=0 skips
 * the IMDB part.
 *
 * Then a real objective, when the IMDB reviews are there (bench/search-imdb.ts): a small IMDB Conv1D,
 * on a budget a few minutes allow (BENCH_IMDB_SEEDS seeds × BENCH_IMDB_TRIALS trials, default 3 × 8):
 * the best validation loss per method, mean ± sd, under `imdb` in the JSON line. With TPE's 5 startup
 * trials only its last 3 are modelled, so this shows the search working on a real model rather than
 * which method wins.
 */
import { RandomSampler } from '../lib/sweep/random-sampler';
import { trialRng, type Observation, type Sampler } from '../lib/sweep/sampler';
import { TPE_DEFAULTS, TpeSampler, type TpeArgs } from '../lib/sweep/tpe-sampler';
import { branin, hartmann6, type SearchObjective } from './search-functions';
import { imdbArchive, imdbObjective } from './search-imdb';

const SEEDS = Number(process.env.BENCH_SEEDS ?? 50);
/** Tune on one range of seeds (e.g. BENCH_FIRST_SEED=1001) and report on the default one. */
const FIRST_SEED = Number(process.env.BENCH_FIRST_SEED ?? 1);
const TRIALS = 40;
const IMDB_SEEDS = Number(process.env.BENCH_IMDB_SEEDS ?? 3);
const IMDB_TRIALS = Number(process.env.BENCH_IMDB_TRIALS ?? 8);
const REPORT_AT = [5, 10, 15, 20, 25, 30, 40];
/** Overrides for tuning runs, e.g. BENCH_TPE='{"startupTrials":8}'. */
const TPE_ARGS: Partial<TpeArgs> = JSON.parse(process.env.BENCH_TPE ?? '{}');
// evaluate may resolve later, so an objective that trains a real model can join these.
const OBJECTIVES: SearchObjective[] = [branin, hartmann6];

/** The best value so far after each trial. */
async function bestCurve(sampler: Sampler, objective: SearchObjective, seed: number, trials = TRIALS): Promise<number[]> {
  const history: Observation[] = [];
  const curve: number[] = [];
  for (let i = 0; i < trials; i++) {
    const params = sampler.propose(history, trialRng(seed, i));
    if (!params) break;
    const value = await objective.evaluate(params);
    history.push({ params, value });
    curve.push(Math.min(value, curve[i - 1] ?? Infinity));
  }
  return curve;
}

/** Per trial count n (1-based index n − 1): mean and standard deviation over the seeds. */
function summarise(curves: number[][], trials = TRIALS): { mean: number[]; sd: number[] } {
  const mean: number[] = [];
  const sd: number[] = [];
  for (let i = 0; i < trials; i++) {
    const values = curves.map((c) => c[i]);
    const m = values.reduce((s, v) => s + v, 0) / values.length;
    mean.push(m);
    sd.push(Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1)));
  }
  return { mean, sd };
}

const cell = (s: { mean: number[]; sd: number[] }, n: number) => `${s.mean[n - 1].toFixed(3)} ± ${s.sd[n - 1].toFixed(3)}`.padStart(16);

async function main(): Promise<void> {
  const methods: Record<string, (objective: SearchObjective) => Sampler> = {
    random: (objective) => new RandomSampler(objective.space),
    tpe: (objective) => new TpeSampler(objective.space, { goal: 'min', ...TPE_ARGS }),
    'tpe-1d': (objective) => new TpeSampler(objective.space, { goal: 'min', ...TPE_ARGS, multivariate: false }),
  };
  const result: Record<string, Record<string, number | null>> = {
    tpe_trials_to_match_random40: {},
    tpe_1d_trials_to_match_random40: {},
    random_best40_mean: {},
    tpe_best20_mean: {},
    tpe_best40_mean: {},
  };
  console.log(`search: best value after N trials, mean ± sd over ${SEEDS} seeds (minimising)`);
  for (const objective of OBJECTIVES) {
    const stats: Record<string, { mean: number[]; sd: number[] }> = {};
    for (const [method, sampler] of Object.entries(methods)) {
      const curves: number[][] = [];
      for (let seed = FIRST_SEED; seed < FIRST_SEED + SEEDS; seed++) curves.push(await bestCurve(sampler(objective), objective, seed));
      stats[method] = summarise(curves);
    }
    console.log(`\n${objective.name} (optimum ${objective.optimum ?? 'unknown'})`);
    console.log(`${'N'.padStart(4)} ${Object.keys(methods).map((m) => m.padStart(16)).join(' ')}`);
    for (const n of REPORT_AT) console.log(`${String(n).padStart(4)} ${Object.values(stats).map((s) => cell(s, n)).join(' ')}`);
    const target = stats.random.mean[TRIALS - 1];
    const matchAt = (mean: number[]) => {
      const index = mean.findIndex((m) => m <= target);
      return index < 0 ? null : index + 1;
    };
    result.tpe_trials_to_match_random40[objective.name] = matchAt(stats.tpe.mean);
    result.tpe_1d_trials_to_match_random40[objective.name] = matchAt(stats['tpe-1d'].mean);
    result.random_best40_mean[objective.name] = Number(target.toFixed(4));
    result.tpe_best20_mean[objective.name] = Number(stats.tpe.mean[19].toFixed(4));
    result.tpe_best40_mean[objective.name] = Number(stats.tpe.mean[TRIALS - 1].toFixed(4));
  }
  console.log(`\ntpe args: ${JSON.stringify({ ...TPE_DEFAULTS, ...TPE_ARGS })}, seeds ${FIRST_SEED}..${FIRST_SEED + SEEDS - 1}, budget ${TRIALS}`);
  const imdb = await benchImdb(methods);
  console.log(JSON.stringify({ ...result, seeds: SEEDS, ...(imdb ? { imdb } : {}) }));
}

/** Random against TPE on the real objective, on its small budget; null when the reviews are missing. */
async function benchImdb(methods: Record<string, (objective: SearchObjective) => Sampler>): Promise<Record<string, number> | null> {
  const archive = imdbArchive();
  if (!archive || IMDB_SEEDS < 2) {
    console.log('\nimdb: skipped (set IMDB_DATA to the aclImdb archive, and BENCH_IMDB_SEEDS to 2 or more)');
    return null;
  }
  const objective = await imdbObjective(archive);
  const out: Record<string, number> = { seeds: IMDB_SEEDS, trials: IMDB_TRIALS };
  console.log(`\n${objective.name}: best after N trials, mean ± sd over ${IMDB_SEEDS} seeds`);
  for (const method of ['random', 'tpe']) {
    const curves: number[][] = [];
    for (let seed = FIRST_SEED; seed < FIRST_SEED + IMDB_SEEDS; seed++) curves.push(await bestCurve(methods[method](objective), objective, seed, IMDB_TRIALS));
    const stats = summarise(curves, IMDB_TRIALS);
    console.log(`${method.padStart(8)} ${[...Array(IMDB_TRIALS).keys()].map((i) => `${i + 1}: ${cell(stats, i + 1).trim()}`).join('  ')}`);
    out[`${method}_best_mean`] = Number(stats.mean[IMDB_TRIALS - 1].toFixed(4));
    out[`${method}_best_sd`] = Number(stats.sd[IMDB_TRIALS - 1].toFixed(4));
  }
  return out;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
